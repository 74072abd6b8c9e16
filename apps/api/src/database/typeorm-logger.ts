import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * Sends TypeORM's messages to the app's structured log instead of the console, and never with
 * query parameters: they carry e-mails, password hashes and registration numbers.
 * A failed query is a debug line — the caller turns it into an HTTP answer (a unique violation
 * becomes a 409), and anything unexpected is logged once, with its stack, as a 500.
 */
export class TypeOrmLogger implements Logger {
  private readonly logger = new NestLogger('TypeORM');

  logQuery(): void {
    // Successful queries are not logged.
  }

  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.debug(`query failed: ${message} — ${oneLine(query)}`);
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown): void {
    this.logger.warn(`slow query (${time} ms): ${oneLine(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

const oneLine = (query: string) => query.replace(/\s+/g, ' ').trim().slice(0, 500);
