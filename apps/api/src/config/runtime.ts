import type { AppConfig } from './app-config';

/** What start-up resolved before Nest was created: the validated config plus derived secrets and URLs. */
export interface Runtime {
  config: AppConfig;
  databaseUrl: string;
  jwtSecret: string;
  /** Runs after Nest has closed its connections (stops the embedded PostgreSQL). */
  afterShutdown?: () => Promise<void>;
}

export const RUNTIME = Symbol('RUNTIME');
