import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { RUNTIME, type Runtime } from './runtime';

/** Makes the typed AppConfig injectable everywhere: `constructor(private readonly config: AppConfig)`. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: AppConfig, useValue: runtime.config },
        { provide: RUNTIME, useValue: runtime },
      ],
      exports: [AppConfig, RUNTIME],
    };
  }
}
