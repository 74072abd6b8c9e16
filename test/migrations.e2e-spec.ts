import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { MIGRATIONS } from '../migrations';
import { freshDatabase } from './support/fresh-database';
import { startTestApp, workerDatabaseUrl } from './support/test-app';

/** The SQL TypeORM would run to make the database match the entities: empty when nothing drifted. */
async function drift(dataSource: DataSource): Promise<string[]> {
  const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
  return upQueries.map((q) => q.query.replace(/\s+/g, ' ').trim());
}

async function tables(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.query<Array<{ table_name: string }>>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  describe('on the migrated worker database', () => {
    let sut: DataSource;
    beforeAll(async () => {
      sut = new DataSource(dataSourceOptions(await workerDatabaseUrl()));
      await sut.initialize();
    });
    afterAll(() => sut.destroy());

    // On failure the message lists the SQL: run `npm run migration:generate -- Name` and commit the file.
    it('leave nothing for the entities to change: the schema builder has no up-queries', async () => {
      expect({ drift: await drift(sut) }).toEqual({ drift: [] });
    });

    it('record every migration listed in migrations/index.ts as run, in order, with none pending', async () => {
      const rows = await sut.query<Array<{ name: string }>>('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
      expect(await sut.showMigrations()).toBe(false);
    });

    it('include the append-only triggers on audit_log', async () => {
      const rows = await sut.query<Array<{ tgname: string }>>(
        "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND NOT tgisinternal ORDER BY tgname",
      );
      expect(rows.map((r) => r.tgname)).toEqual(['audit_log_no_truncate', 'audit_log_no_update_or_delete']);
    });
  });

  describe('the options the app uses', () => {
    it('never synchronise the schema from entities, and list every migration', () => {
      const options = dataSourceOptions('postgres://u:p@127.0.0.1:5432/db');
      expect(options.synchronize).toBe(false);
      expect(options.migrations).toEqual(MIGRATIONS);
    });

    it('are what the running app uses: no synchronize, migrations run at start', async () => {
      const app = await startTestApp();
      try {
        expect(app.dataSource.options.synchronize).toBe(false);
        expect(app.dataSource.options.migrationsRun).toBe(true);
        expect(app.dataSource.migrations.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
      } finally {
        await app.close();
      }
    });

    it('list every migration file in migrations/, so none is silently skipped', async () => {
      const files = (await readdir(join(__dirname, '../migrations'))).filter((f) => f !== 'index.ts' && f.endsWith('.ts')).sort();
      const expected = files.map((f) => f.replace(/\.ts$/, '').replace(/^(\d{13})-(\w+)$/, '$2$1'));
      expect(MIGRATIONS.map((m) => m.name)).toEqual(expected);
    });

    it('name each migration class <PascalName><timestamp>, in timestamp order', () => {
      const stamps = MIGRATIONS.map((m) => {
        const match = /^[A-Z][A-Za-z0-9]*?(\d{13})$/.exec(m.name);
        expect(match).not.toBeNull();
        return Number(match?.[1]);
      });
      expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    });
  });

  describe('on an empty database', () => {
    it('migrate up from nothing, down to nothing, and up again without drift', async () => {
      const db = await freshDatabase({ migrated: false });
      const sut = new DataSource(dataSourceOptions(db.url, { logging: false }));
      try {
        await sut.initialize();
        expect(await tables(sut)).toEqual([]);

        const applied = await sut.runMigrations({ transaction: 'each' });
        expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
        const entityTables = sut.entityMetadatas.map((m) => m.tableName);
        // typeorm_metadata is TypeORM's own record of generated columns (content.search)
        expect(await tables(sut)).toEqual([...entityTables, 'migrations', 'typeorm_metadata'].sort());
        expect({ drift: await drift(sut) }).toEqual({ drift: [] });

        for (let i = 0; i < MIGRATIONS.length; i++) await sut.undoLastMigration({ transaction: 'each' });
        expect(await tables(sut)).toEqual(['migrations', 'typeorm_metadata']);
        const types = await sut.query<Array<{ typname: string }>>("SELECT typname FROM pg_type WHERE typtype = 'e'");
        expect(types).toEqual([]);

        await sut.runMigrations({ transaction: 'each' });
        expect({ drift: await drift(sut) }).toEqual({ drift: [] });
      } finally {
        if (sut.isInitialized) await sut.destroy();
        await db.drop();
      }
    });
  });
});
