import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { createApp, resolveRuntime } from '../../apps/api/src/bootstrap';
import { freePort } from '../../libs/database/src/embedded-postgres';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { databaseUrl, ENV, workerDatabaseName } from '../setup/test-database';
import { adoptTypeormMetadata } from './fresh-database';

const PG_DUPLICATE_DATABASE = '42P04';

/** Clones the migrated template into this worker's database, once per worker. */
export async function workerDatabaseUrl(): Promise<string> {
  const adminUrl = process.env[ENV.adminUrl];
  const template = process.env[ENV.template];
  if (!adminUrl || !template) throw new Error('e2e globalSetup did not run');
  const name = workerDatabaseName();
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  let created = false;
  try {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)} TEMPLATE ${admin.escapeIdentifier(template)}`);
    created = true;
  } catch (error) {
    if ((error as { code?: string }).code !== PG_DUPLICATE_DATABASE) throw error;
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  if (created) await adoptTypeormMetadata(url);
  return url;
}

export interface TestApp {
  app: INestApplication;
  /** Base URL of the API, e.g. http://127.0.0.1:41234/api/v1 */
  api: string;
  /** Origin of the server, e.g. http://127.0.0.1:41234 */
  origin: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** Boots the real app (same bootstrap as main.ts) on a random port against this worker's database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: await workerDatabaseUrl(),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    RATE_LIMIT: 'off',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    PORT: '0',
    ...env,
  });
  const logger = pino({ level: 'silent' });
  const app = await createApp(await resolveRuntime(config, logger));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const origin = `http://127.0.0.1:${address.port}`;
  return { app, origin, api: `${origin}/api/v1`, dataSource: app.get(DataSource), close: () => app.close() };
}

/**
 * Two apps on one database, as two API processes behind a balancer (scale-out tests), started before
 * the enclosing suite and closed after it. Read `one` and `two` inside the tests.
 */
export function twoApps(env: Record<string, string>): { one: TestApp; two: TestApp } {
  const apps = {} as { one: TestApp; two: TestApp };
  beforeAll(async () => {
    apps.one = await startTestApp(env);
    apps.two = await startTestApp(env);
  });
  afterAll(async () => {
    await apps.one?.close();
    await apps.two?.close();
  });
  return apps;
}

/** A Redis URL on a free port where nothing listens: every command fails at once (Redis-outage tests). */
export async function unreachableRedisUrl(): Promise<string> {
  return `redis://127.0.0.1:${await freePort()}`;
}
