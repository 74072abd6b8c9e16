import { RequestMethod, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { startEmbeddedPostgres } from '@asclepia/database';
import helmet from 'helmet';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { ChatIoAdapter } from './chat/chat-io.adapter';
import { AllExceptionsFilter } from './common/http/all-exceptions.filter';
import { guardInput } from './common/http/input-guard.middleware';
import { requestIdMiddleware } from './common/logging/logger';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import type { Runtime } from './config/runtime';

export const API_PREFIX = 'api/v1';

/** The validation every request body and query goes through (STYLE.md rule 10). */
export const validationPipe = () =>
  new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false });

/** Outside production the secret is generated once and kept with the data, so restarts keep sessions. */
async function jwtSecret(config: AppConfig): Promise<string> {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function ensureDatabase(maintenanceUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Resolves what Nest needs before it starts: the database (embedded unless DATABASE_URL) and secrets. */
export async function resolveRuntime(config: AppConfig, logger: Logger): Promise<Runtime> {
  const secret = await jwtSecret(config);
  if (config.DATABASE_URL) return { config, databaseUrl: config.DATABASE_URL, jwtSecret: secret };

  const pgLogger = logger.child({ context: 'EmbeddedPostgres' });
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_PG_PORT,
    log: (line) => pgLogger.debug(line),
    // Nest's shutdown hooks stop it, after the pool is closed (DatabaseModule).
    stopOnSignals: false,
  });
  pgLogger.info({ port: embedded.port }, 'embedded PostgreSQL is up');
  await ensureDatabase(embedded.url, 'asclepia');
  return { config, databaseUrl: embedded.urlFor('asclepia'), jwtSecret: secret, afterShutdown: () => embedded.stop() };
}

/** Everything about the HTTP edge, shared by main.ts and the e2e tests so they test what runs. */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(PinoLogger));
  app.use(requestIdMiddleware);
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  // Responses differ per viewer and are cheap to send again; hashing every body for an ETag is not.
  app.set('etag', false);
  app.disable('x-powered-by');
  app.use(helmet());
  app.enableCors(config.CORS_ORIGINS.length > 0 ? { origin: config.CORS_ORIGINS, credentials: false } : { origin: false });
  app.useBodyParser('json', { limit: config.BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: config.BODY_LIMIT, extended: false });
  app.use(guardInput);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'docs', method: RequestMethod.ALL }] });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Asclepia API')
      .setDescription('A moderated patient–physician health community. See API.md for the contract.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
}

export async function createApp(runtime: Runtime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(runtime), {
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApp(app, runtime.config);
  // Socket.IO rooms span API processes through Redis when REDIS_URL is set (DESIGN.md "Scale-out").
  const io = new ChatIoAdapter(app, runtime.config.REDIS_URL);
  await io.connect();
  app.useWebSocketAdapter(io);
  return app;
}
