import 'reflect-metadata';
import { createApp, resolveRuntime } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import pino from 'pino';

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.LOG_LEVEL, base: { service: 'asclepia-api' } });
  const runtime = await resolveRuntime(config, logger);
  try {
    const app = await createApp(runtime);
    await app.listen(config.PORT, config.HOST);
  } catch (error) {
    await runtime.afterShutdown?.(); // don't leave the embedded PostgreSQL running behind us
    throw error;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  logger.info({ port: config.PORT, embedded: config.embedded, startupMs: Math.round(ms) }, `Asclepia is listening on http://localhost:${config.PORT} (docs at /docs)`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Asclepia failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
