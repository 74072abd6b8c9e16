import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { databaseUrl, ENV } from '../setup/test-database';

/**
 * TypeORM keys its record of generated columns by database name; a clone still carries the
 * template's name, which would read as schema drift.
 */
export async function adoptTypeormMetadata(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('UPDATE typeorm_metadata SET database = current_database()');
  } finally {
    await client.end();
  }
}

export interface FreshDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of the test's own on the run's server, for tests about a first start or the
 * migrations themselves: `migrated` clones the migrated template, otherwise it is empty.
 * The name carries the run id, so teardown drops it even if the test could not.
 */
export async function freshDatabase(options: { migrated: boolean }): Promise<FreshDatabase> {
  const adminUrl = process.env[ENV.adminUrl];
  const template = process.env[ENV.template];
  const run = process.env[ENV.run];
  if (!adminUrl || !template || !run) throw new Error('e2e globalSetup did not run');
  const name = `asclepia_test_${run}_x${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const from = options.migrated ? ` TEMPLATE ${admin.escapeIdentifier(template)}` : '';
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}${from}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  if (options.migrated) await adoptTypeormMetadata(url);
  return {
    url,
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
