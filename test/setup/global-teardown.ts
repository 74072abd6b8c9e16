import { rm } from 'node:fs/promises';
import { Client } from 'pg';
import { ENV } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.__ASCLEPIA_EMBEDDED__;
  if (embedded) {
    await embedded.db.stop();
    await rm(embedded.dir, { recursive: true, force: true });
    return;
  }
  // An external server outlives the run: drop what this run created.
  const adminUrl = process.env[ENV.adminUrl];
  const run = process.env[ENV.run];
  if (!adminUrl || !run) return;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`asclepia_test_${run}_%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
