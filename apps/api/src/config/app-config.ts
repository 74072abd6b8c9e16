import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Switches and keywords (`on`, `true`, `async`…), read without case or surrounding spaces. */
const toKeyword = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
/** Digits only: `Number()` alone would read " " as 0, "0x10" as 16 and "1e3" as 1000. */
const toInt = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
};
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value;

/**
 * Environment variables, validated once at boot. A wrong value stops start-up with one line naming it.
 * Defaults make `npm start` work on a fresh machine.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Unset: an embedded PostgreSQL under DATA_DIR. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @IsString()
  DATA_DIR = './.data';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Unset outside production: a random secret kept in DATA_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 30;

  /** Browser origins allowed to call the API, comma-separated; none by default. */
  @Transform(toList)
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    each: true,
    message: 'CORS_ORIGINS must be a comma-separated list of origins such as https://app.example',
  })
  CORS_ORIGINS: string[] = [];

  @Transform(toKeyword)
  @IsIn(['on', 'off'])
  RATE_LIMIT: 'on' | 'off' = 'on';

  /**
   * How a batch of published chat messages commits: `async` does not wait for PostgreSQL to flush
   * its write-ahead log to disk (a crash of the database server, not a clean restart, can lose the
   * last fraction of a second of such messages); `sync` waits. Anything that goes to the moderation
   * queue (held or crisis) always waits. README "Chat messages and durability".
   */
  @Transform(toKeyword)
  @IsIn(['async', 'sync'])
  CHAT_COMMIT: 'async' | 'sync' = 'async';

  @IsOptional()
  @IsEmail({ require_tld: false }, { message: 'SEED_ADMIN_EMAIL must be an e-mail address' })
  SEED_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'SEED_ADMIN_PASSWORD must be at least 8 characters' })
  SEED_ADMIN_PASSWORD?: string;

  /** Demo users and content; defaults to on with the embedded database, off with DATABASE_URL. */
  @IsOptional()
  @Transform(toKeyword)
  @IsIn(['true', 'false'])
  SEED_DEMO?: 'true' | 'false';

  /** Reports from this many distinct users hold published content until a moderator looks. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  REPORT_HOLD_THRESHOLD = 3;

  /** Days the unredacted original of a held item is kept after a moderator's decision. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3650)
  ORIGINAL_RETENTION_DAYS = 30;

  /** How often the retention job looks for originals to purge; 0 turns the job off (run it elsewhere). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86400)
  RETENTION_SWEEP_SECONDS = 3600;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Matches(/^\d{1,6}(b|kb|mb)$/i, { message: 'BODY_LIMIT must look like 256kb' })
  BODY_LIMIT = '256kb';

  get embedded(): boolean {
    return !this.DATABASE_URL;
  }

  get seedDemo(): boolean {
    return this.SEED_DEMO === undefined ? this.embedded : this.SEED_DEMO === 'true';
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads the environment into a typed, validated AppConfig; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const raw: Record<string, string> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw);
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(message.startsWith(first.property) ? message : `${first.property} ${message}`);
  }
  if (config.NODE_ENV === 'production' && !config.JWT_SECRET) {
    throw new ConfigError('JWT_SECRET must be set in production');
  }
  if (Boolean(config.SEED_ADMIN_EMAIL) !== Boolean(config.SEED_ADMIN_PASSWORD)) {
    throw new ConfigError('SEED_ADMIN_EMAIL and SEED_ADMIN_PASSWORD must be set together');
  }
  return config;
}
