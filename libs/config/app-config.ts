import { plainToInstance, Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting duban reads from the environment, validated once at boot.
 * Nothing else in the code base reads `process.env`.
 */
export class AppConfig {
  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATA_DIR = './data';

  @IsOptional() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional() @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional() @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'duban <noreply@duban.local>';

  @IsEmail({ require_tld: false })
  ADMIN_EMAIL = 'admin@duban.local';

  @IsOptional() @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsString()
  ESCALATION_POLICY = 'config/escalation.yaml';

  @Transform(toInt) @IsInt() @Min(100)
  REMINDER_SWEEP_MS = 60000;

  /** A message still failing this long after it was recorded is marked failed (visible to admins) and no longer retried. */
  @Transform(toInt) @IsInt() @Min(100)
  DELIVERY_GIVE_UP_MS = 24 * 3600 * 1000;

  /** First retry delay of a failed send; it doubles on each attempt up to DELIVERY_RETRY_MAX_MS. */
  @Transform(toInt) @IsInt() @Min(10)
  DELIVERY_RETRY_BASE_MS = 2000;

  @Transform(toInt) @IsInt() @Min(10)
  DELIVERY_RETRY_MAX_MS = 10 * 60 * 1000;

  /** Items listed in one digest mail (or group robot message); the rest are counted, with a link to the in-app list that holds them all. */
  @Transform(toInt) @IsInt() @Min(1) @Max(1000)
  DIGEST_MAX_ITEMS = 50;

  /** Sends in flight per worker process. */
  @Transform(toInt) @IsInt() @Min(1) @Max(256)
  DELIVERY_CONCURRENCY = 8;

  /** Pending deliveries older than this are re-queued by recovery (on start, after each sweep, when Redis returns). */
  @Transform(toInt) @IsInt() @Min(0)
  DELIVERY_RECOVER_AFTER_MS = 10_000;

  /** How long a job stays claimed by a worker that stopped renewing its lock (a killed worker); also the stalled-job check period. */
  @Transform(toInt) @IsInt() @Min(500)
  QUEUE_LOCK_MS = 30_000;

  /** Key prefix of the queues in Redis (several installations may share one Redis). */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX = 'bull';

  /** Time allowed for one webhook call. */
  @Transform(toInt) @IsInt() @Min(100)
  WEBHOOK_TIMEOUT_MS = 10_000;

  @IsString()
  TZ = 'Asia/Shanghai';

  /** Where people reach duban; links in mails point here. */
  @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL = 'http://127.0.0.1:3000';

  /** Signing key for access tokens; unset, one is generated once and kept in the database. */
  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access token lifetime in seconds. */
  @Transform(toInt) @IsInt() @Min(60)
  JWT_TTL_SECONDS = 8 * 3600;

  /** Largest evidence file accepted, in bytes (50 MiB). */
  @Transform(toInt) @IsInt() @Min(1)
  EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

  /** Login attempts allowed per client and account per minute. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Import the plan seeds on start when the database holds no plan yet. */
  @IsIn(['true', 'false'])
  SEED_ON_START = 'true';

  /** Folder of plan seed folders (`<dir>/<plan>/*.yaml`, see seeds/README.md), relative to the working directory. */
  @IsString()
  SEEDS_DIR = 'seeds';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class ConfigError extends Error {}

/** Builds the configuration from an environment; throws naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "use the default", as in most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
