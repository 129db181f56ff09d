import { plainToInstance, Transform } from 'class-transformer';
import ipaddr from 'ipaddr.js';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

/**
 * Every setting duban reads from the environment, validated once at boot.
 * Nothing else in the code base reads `process.env`.
 */
export class AppConfig {
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  DATA_DIR = './data';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  /**
   * Connections of this process's database pool. Every API and worker process
   * has one (with BullMQ's PostgreSQL backend, the queues' own small pools
   * besides): size them so that all processes together stay under the
   * server's max_connections.
   */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(500)
  DB_POOL_SIZE = 20;

  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'duban <noreply@duban.local>';

  @IsEmail({ require_tld: false })
  ADMIN_EMAIL = 'admin@duban.local';

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsString()
  ESCALATION_POLICY = 'config/escalation.yaml';

  /** The assessment rubric (metrics, weights, deductions…), validated at start-up. */
  @IsString()
  ASSESSMENT_RUBRIC = 'config/assessment.yaml';

  /** An assessment report of more tasks than this is built by a queue job the client polls, not in the request. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  ASSESSMENT_INLINE_REPORT_MAX_TASKS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  REMINDER_SWEEP_MS = 60000;

  /** A message still failing this long after it was recorded is marked failed (visible to admins) and no longer retried. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  DELIVERY_GIVE_UP_MS = 24 * 3600 * 1000;

  /** First retry delay of a failed send; it doubles on each attempt up to DELIVERY_RETRY_MAX_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  DELIVERY_RETRY_BASE_MS = 2000;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  DELIVERY_RETRY_MAX_MS = 10 * 60 * 1000;

  /** Items listed in one digest mail (or group robot message); the rest are counted, with a link to the in-app list that holds them all. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  DIGEST_MAX_ITEMS = 50;

  /** Sends in flight per worker process. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(256)
  DELIVERY_CONCURRENCY = 8;

  /** Pending deliveries older than this are re-queued by recovery (on start, after each sweep, when Redis returns). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DELIVERY_RECOVER_AFTER_MS = 10_000;

  /** How long a job stays claimed by a worker that stopped renewing its lock (a killed worker); also the stalled-job check period. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  QUEUE_LOCK_MS = 30_000;

  /** Key prefix of the queues in Redis (several installations may share one Redis). */
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may hold letters, digits, _ and - only' })
  QUEUE_PREFIX = 'bull';

  /** Time allowed for one webhook call. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /**
   * The only hosts a group robot URL may name (comma-separated host names or addresses), checked
   * when an administrator sets the URL and again before each send: duban must not become a way to
   * reach the hosts around it (SSRF).
   */
  @Matches(/^\s*[A-Za-z0-9.:[\]-]+\s*(,\s*[A-Za-z0-9.:[\]-]+\s*)*$/, {
    message: 'WEBHOOK_ALLOWED_HOSTS must list host names separated by commas, e.g. qyapi.weixin.qq.com,oapi.dingtalk.com',
  })
  WEBHOOK_ALLOWED_HOSTS = 'qyapi.weixin.qq.com,oapi.dingtalk.com';

  /**
   * Addresses or CIDR ranges a robot's host may resolve to although they are not public (loopback,
   * RFC 1918, link-local…), e.g. `10.8.0.5/32` for a relay on the intranet; only there is plain
   * `http:` allowed. Unset: none, every robot is reached over https at a public address.
   */
  @IsOptional()
  @Matches(/^\s*[0-9A-Fa-f:.]+(\/\d{1,3})?\s*(,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?\s*)*$/, {
    message: 'WEBHOOK_ALLOWED_NETWORKS must list addresses or CIDR ranges separated by commas, e.g. 10.8.0.5/32,fd00::/8',
  })
  WEBHOOK_ALLOWED_NETWORKS?: string;

  @IsString()
  TZ = 'Asia/Shanghai';

  /** The issuing office named at the foot of printed 督办/催办通知单. */
  @IsString()
  @MinLength(1)
  NOTICE_OFFICE = '督查室';

  /** Where people reach duban; links in mails and calendar feeds point here. Unset: this host on `PORT`. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+/, { message: 'PUBLIC_URL must be an http(s) URL' })
  PUBLIC_URL!: string;

  /** Signing key for access tokens; unset, one is generated once and kept in the database. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Access token lifetime in seconds (at most a day: a session also ends after SESSION_IDLE_MINUTES without a request). */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  JWT_TTL_SECONDS = 8 * 3600;

  /** Largest evidence file accepted, in bytes (50 MiB). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

  /**
   * Where evidence files are kept: `local`, under DATA_DIR/evidence (one host), or `s3`, a
   * bucket of any S3-compatible service (AWS S3, MinIO, Aliyun OSS, Huawei OBS, Tencent COS),
   * which API processes on several hosts can share.
   */
  @IsIn(['local', 's3'], { message: 'EVIDENCE_STORE must be local or s3' })
  EVIDENCE_STORE: 'local' | 's3' = 'local';

  /** The S3 API endpoint of a compatible service, e.g. `https://s3.oss-cn-beijing.aliyuncs.com` (Aliyun OSS); unset: AWS S3. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+/, { message: 'S3_ENDPOINT must be an http(s) URL' })
  S3_ENDPOINT?: string;

  /** The bucket's region (AWS and most services sign requests with it; MinIO accepts the default). */
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'S3_REGION must be a region name such as us-east-1 or cn-beijing' })
  S3_REGION = 'us-east-1';

  /** Required with EVIDENCE_STORE=s3. The bucket must exist; duban does not create it. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens' })
  S3_BUCKET?: string;

  /** With S3_SECRET_ACCESS_KEY; both unset: the AWS SDK's default chain (AWS_* variables, shared profile, instance role). */
  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** `https://host/bucket/key` addressing; unset: true when S3_ENDPOINT is set (MinIO needs it), else false. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE?: 'true' | 'false';

  /** Prepended to every object key (e.g. `duban/evidence`), so that the bucket can hold other things too. */
  @IsOptional()
  @Matches(/^(?!\/)(?!(.*\/)?\.{1,2}(\/|$))(?!.*\/\/)[A-Za-z0-9!_.*'()/-]+$/, {
    message: "S3_PREFIX may hold letters, digits, / and !_.*'()- only, without a leading /, empty or . or .. segments",
  })
  S3_PREFIX?: string;

  /**
   * The reverse proxies whose `X-Forwarded-For` is believed: comma-separated addresses or CIDR
   * ranges (e.g. `127.0.0.1,10.0.0.0/8`). Unset: none, the client address is the socket's, so a
   * forged header cannot change the address that login limits and the audit log see.
   */
  @IsOptional()
  @Matches(/^\s*[0-9A-Fa-f:.]+(\/\d{1,3})?\s*(,\s*[0-9A-Fa-f:.]+(\/\d{1,3})?\s*)*$/, {
    message: 'TRUST_PROXY must list proxy addresses or CIDR ranges separated by commas, e.g. 127.0.0.1,10.0.0.0/8',
  })
  TRUST_PROXY?: string;

  /**
   * 三员分立: `true` takes account management from the admin (to the security administrator, role
   * `security_admin`) and audit reading (to the auditor, role `auditor`); the admin keeps the system's settings.
   */
  @IsIn(['true', 'false'], { message: 'SEPARATION_OF_DUTIES must be true or false' })
  SEPARATION_OF_DUTIES: 'true' | 'false' = 'false';

  /** A bearer token GET /metrics (and the worker's metrics listener) then requires; unset, /metrics is open (bind it to a private network). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** A worker process (npm run start:worker) serves GET /metrics on this port; unset, it serves none. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Bull Board may retry, clean and remove jobs; unset or `false`, it only shows them. */
  @IsIn(['true', 'false'], { message: 'QUEUE_DASHBOARD_WRITES must be true or false' })
  QUEUE_DASHBOARD_WRITES: 'true' | 'false' = 'false';

  /** The least length of a password (with three of four character classes, not a common one). */
  @Transform(toInt)
  @IsInt()
  @Min(8)
  @Max(128)
  PASSWORD_MIN_LENGTH = 10;

  /** Failed logins on one account within 15 minutes that lock it (whatever the client's address, on every process). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  /** How long a locked account stays locked. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCK_MINUTES = 15;

  /** A session without a request for this long ends (its token answers 401). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  SESSION_IDLE_MINUTES = 30;

  /** Login attempts allowed per client and account per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Import the plan seeds on start when the database holds no plan yet. */
  @IsIn(['true', 'false'])
  SEED_ON_START = 'true';

  /**
   * The plan (by code, e.g. `taixing-edu-14th`) a task made by hand joins when it names neither a plan nor a
   * clause; unset (or naming no imported plan): the plan whose period starts last, the most recently imported first.
   */
  @IsOptional()
  @IsString()
  CURRENT_PLAN?: string;

  /** Folder of plan seed folders (`<dir>/<plan>/*.yaml`, see seeds/README.md), relative to the working directory. */
  @IsString()
  SEEDS_DIR = 'seeds';

  /** The built web console (`npm run build:web`), served at `/`, relative to the working directory. */
  @IsString()
  WEB_DIR = 'dist/web';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `json` (pino's lines) or `pretty` (one readable line each); unset: pretty on a terminal, JSON otherwise. */
  @IsOptional()
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT?: 'json' | 'pretty';
}

export class ConfigError extends Error {}

/** Builds the configuration from an environment; throws naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty variable means "use the default", as in most twelve-factor apps.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(AppConfig, present, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false });
  const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  ${e.property}: ${m}`));
  lines.push(...combinationErrors(config).map(([property, message]) => `  ${property}: ${message}`));
  if (lines.length > 0) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  config.PUBLIC_URL ??= `http://127.0.0.1:${config.PORT}`;
  return config;
}

/** The entries of a comma-separated setting, trimmed, empty ones dropped. */
export function listed(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

const S3_SETTINGS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'] as const;

/** Settings that are valid one by one but not together, as [variable, message]. */
function combinationErrors(config: AppConfig): Array<[string, string]> {
  const errors: Array<[string, string]> = [];
  for (const entry of listed(config.WEBHOOK_ALLOWED_NETWORKS)) {
    if (!ipaddr.isValid(entry) && !ipaddr.isValidCIDR(entry))
      errors.push(['WEBHOOK_ALLOWED_NETWORKS', `WEBHOOK_ALLOWED_NETWORKS: ${entry} is neither an address nor a CIDR range`]);
  }
  if (config.EVIDENCE_STORE === 's3') {
    if (!config.S3_BUCKET) errors.push(['S3_BUCKET', 'S3_BUCKET is required when EVIDENCE_STORE=s3']);
    if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY)) {
      const [given, missing] = config.S3_ACCESS_KEY_ID ? ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] : ['S3_SECRET_ACCESS_KEY', 'S3_ACCESS_KEY_ID'];
      errors.push([missing, `${missing} is required with ${given} (or unset both, for the AWS SDK's default credentials)`]);
    }
  } else {
    // Most likely EVIDENCE_STORE was forgotten: evidence would silently land on this host's disk.
    for (const name of S3_SETTINGS.filter((name) => config[name] !== undefined)) {
      errors.push([name, `${name} is set but EVIDENCE_STORE is local; set EVIDENCE_STORE=s3 to use the bucket, or unset ${name}`]);
    }
  }
  return errors;
}
