/**
 * One PostgreSQL for the whole e2e run: embedded unless DATABASE_URL names a server.
 * Migrations run once into a template database; each Jest worker clones it (CREATE DATABASE … TEMPLATE),
 * which takes milliseconds and keeps workers from seeing each other's rows.
 */
export const ENV = {
  adminUrl: 'ASCLEPIA_TEST_ADMIN_URL',
  template: 'ASCLEPIA_TEST_TEMPLATE',
  run: 'ASCLEPIA_TEST_RUN',
} as const;

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function workerDatabaseName(): string {
  const run = process.env[ENV.run];
  if (!run) throw new Error('e2e globalSetup did not run');
  return `asclepia_test_${run}_w${process.env.JEST_WORKER_ID ?? '1'}`;
}
