import { RequestMethod, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { startEmbeddedPostgres } from '@asclepia/database';
import helmet from '@fastify/helmet';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { ChatIoAdapter } from './chat/chat-io.adapter';
import { AllExceptionsFilter, errorBody } from './common/http/all-exceptions.filter';
import { byteLimit, registerBodyParsers } from './common/http/body-parsers';
import { guardInput } from './common/http/input-guard';
import { requestIdOf } from './common/logging/logger';
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

/**
 * Nest on Fastify: its radix-tree router and lean request path cost about half of what Express did
 * (a trivial request ~0.2 ms of CPU against ~0.4, measured via /proc; README "Measured"). No ETag
 * (responses differ per viewer; hashing every body is not worth it) and no x-powered-by: Fastify
 * sets neither.
 */
function httpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: byteLimit(config.BODY_LIMIT),
    trustProxy: 'loopback, linklocal, uniquelocal',
    genReqId: requestIdOf,
    // As Express did: "/questions/" is "/questions".
    routerOptions: { ignoreTrailingSlash: true },
    // Errors Fastify meets before routing (a badly encoded URL) answer in the API's error shape too.
    frameworkErrors: (error: Error, _request: FastifyRequest, reply: FastifyReply) => {
      const body = errorBody(error);
      void reply.code(body.statusCode).send(body);
    },
  });
}

/** Everything about the HTTP edge, shared by main.ts and the e2e tests so they test what runs. */
export async function configureApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  app.useLogger(app.get(PinoLogger));
  const fastify = app.getHttpAdapter().getInstance();
  // First of all: every response, even one the body parser refuses, carries its request id.
  fastify.addHook('onRequest', (request, reply, done) => {
    request.raw.id = request.id;
    reply.header('x-request-id', request.id);
    done();
  });
  await app.register(helmet);
  app.enableCors(config.CORS_ORIGINS.length > 0 ? { origin: config.CORS_ORIGINS, credentials: false } : { origin: false });
  registerBodyParsers(app, byteLimit(config.BODY_LIMIT));
  fastify.addHook('preValidation', guardInput);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'docs', method: RequestMethod.ALL }] });
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.getHttpAdapter()));
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
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), httpAdapter(runtime.config), {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app, runtime.config);
  // Socket.IO rooms span API processes through Redis when REDIS_URL is set (DESIGN.md "Scale-out").
  const io = new ChatIoAdapter(app, runtime.config.REDIS_URL);
  await io.connect();
  app.useWebSocketAdapter(io);
  return app;
}
