import { Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@asclepia/database';
import { DataSource } from 'typeorm';
import { RUNTIME, type Runtime } from '../config/runtime';
import { TypeOrmLogger } from './typeorm-logger';

/** Closes the pool before the embedded PostgreSQL is stopped, so neither waits on the other. */
@Injectable()
class DatabaseShutdown implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.runtime.afterShutdown?.();
  }
}

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [RUNTIME],
      useFactory: (runtime: Runtime) => ({
        ...dataSourceOptions(runtime.databaseUrl),
        // Start-up applies pending migrations; the schema is never synchronised from entities.
        migrationsRun: true,
        logger: new TypeOrmLogger(),
        maxQueryExecutionTime: 1000,
        extra: { max: 20, application_name: 'asclepia-api' },
      }),
    }),
  ],
  providers: [DatabaseShutdown],
})
export class DatabaseModule {}
