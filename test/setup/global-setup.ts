import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/database/src/data-source-options';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../libs/database/src/embedded-postgres';
import { databaseUrl, ENV } from './test-database';

declare global {
  var __ASCLEPIA_EMBEDDED__: { db: EmbeddedDatabase; dir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const run = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'asclepia-e2e-'));
    await chmod(dir, 0o755); // the cluster runs as the `postgres` user when we are root
    const db = await startEmbeddedPostgres({ dataDir: dir, port: 0 });
    globalThis.__ASCLEPIA_EMBEDDED__ = { db, dir };
    adminUrl = db.url;
  }
  const template = `asclepia_test_${run}_tpl`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(template)}`);
  await admin.end();

  const dataSource = new DataSource(dataSourceOptions(databaseUrl(adminUrl, template)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();

  process.env[ENV.adminUrl] = adminUrl;
  process.env[ENV.template] = template;
  process.env[ENV.run] = run;
}
