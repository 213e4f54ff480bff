import { z } from 'zod';

/**
 * All configuration, parsed and validated once at start. Every other module receives a
 * `Config`; nothing else reads `process.env`.
 */
const port = (min = 0) =>
  z.coerce
    .number({ error: () => `must be a port number (${min} to 65535)` })
    .int({ error: () => `must be a port number (${min} to 65535)` })
    .min(min, { error: () => `must be a port number (${min} to 65535)` })
    .max(65535, { error: () => `must be a port number (${min} to 65535)` });

/**
 * Development-only secrets: fixed so that a restart can still read the data it encrypted.
 * Every development value of every secret lives here, and a production start refuses any of them
 * in any secret setting (a future secret adds its default here and its name to SECRET_SETTINGS).
 */
const DEV_JWT_SECRET = 'creditline-development-jwt-secret-change-me!';
const DEV_PII_KEY = Buffer.alloc(32, 7).toString('base64');
const DEV_BLIND_KEY = Buffer.alloc(32, 11).toString('base64');
export const DEVELOPMENT_SECRETS: ReadonlySet<string> = new Set([
  DEV_JWT_SECRET,
  DEV_PII_KEY,
  DEV_BLIND_KEY,
]);

/** Settings that are secrets: required, not a development value, ≥ 32 bytes in production. */
export const SECRET_SETTINGS = ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_BLIND_INDEX_KEY'] as const;

/** Key material in bytes: the base64 keys decoded, a passphrase as UTF-8. */
function secretBytes(key: (typeof SECRET_SETTINGS)[number], value: string): number {
  return key === 'JWT_SECRET'
    ? Buffer.byteLength(value, 'utf8')
    : Buffer.from(value, 'base64').length;
}

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port().default(4000),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    EMBEDDED_PG_PORT: port(1024).default(54329),
    DATA_DIR: z.string().min(1).default('.data'),
    DEMO_CUSTOMERS: z.coerce.number().int().min(0).max(1_000_000).default(2000),
    JWT_SECRET: z.string().optional(),
    PII_ENCRYPTION_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters)')
      .optional(),
    PII_BLIND_INDEX_KEY: z
      .string()
      .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (44 characters)')
      .optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    HOLD_EXPIRY_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).default(20_000),
    DASHBOARD_DIST: z.string().optional(),
    /** Aliased fields per document and root fields per operation (request-guards.ts). */
    /** Lexical tokens per document: a huge document is refused while parsing, before validation. */
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(2_000),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(50),
    GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(20),
    // Abuse limits (rate-limiter-flexible over PostgreSQL, shared by every API process): requests
    // per window per partner app, per staff member, and per client address (anonymous callers
    // and failed credentials). Generous, so tests and benchmarks never meet them.
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
    RATE_LIMIT_PARTNER: z.coerce.number().int().min(1).default(50_000),
    RATE_LIMIT_STAFF: z.coerce.number().int().min(1).default(20_000),
    RATE_LIMIT_ADDRESS: z.coerce.number().int().min(1).default(2_000),
    /** Failed sign-ins before a lockout, per username and per client address (within 15 minutes). */
    SIGNIN_MAX_FAILURES_PER_USERNAME: z.coerce.number().int().min(1).default(5),
    SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
    /** First lockout; each further lockout of the same username or address doubles it (to 24 h). */
    SIGNIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Take the client address from the last X-Forwarded-For hop (only behind a proxy you run). */
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0'])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    // Jobs (src/modules/jobs): worker processes that `pnpm start` runs beside the API, jobs each
    // runs at once, and schedule overrides (`name=cron;…`, `*=` for every job; see docs/operations.md).
    WORKERS: z.coerce.number().int().min(0).max(16).default(1),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    JOB_SCHEDULES: z.string().optional(),
    REVIEW_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(2000),
    // Delivery of SMS and email notices and of partner webhooks (src/modules/delivery, webhooks).
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Creditline <no-reply@creditline.local>'),
    SMTP_SINK_PORT: port().default(2525),
    SMS_PROVIDER: z.enum(['sink', 'http']).optional(),
    SMS_HTTP_URL: z.string().url().optional(),
    SMS_HTTP_TOKEN: z.string().optional(),
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    DELIVERY_BACKOFF_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Behind PgBouncer in transaction mode named (prepared) statements break: `transaction` sends unnamed ones. */
    DATABASE_POOLER: z.enum(['none', 'transaction']).default('none'),
    /** Origins allowed to call the API from a browser (comma-separated, exact `scheme://host[:port]`). */
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((s) =>
        s
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^https?:\/\/[^/\s]+$/,
              'must be origins like https://shop.example.com (no path), separated by commas',
            ),
        ),
      ),
    HTTP_BODY_LIMIT: z.coerce.number().int().min(1024).max(100_000_000).default(1_000_000),
    /** Milliseconds between SIGTERM (readiness turns false) and closing the listener: time for a load balancer to notice. */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** Longest wait for requests in flight at shutdown before their connections are cut. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** true: /ready answers 503 when no job worker has beaten lately (default: reported, status `degraded`, 200). */
    READY_REQUIRES_WORKER: z.preprocess(
      // Also takes the parsed boolean back (a config spread into loadConfig again, as tests do).
      (v) => (typeof v === 'boolean' ? String(v) : v),
      z
        .enum(['true', 'false', '1', '0'])
        .default('false')
        .transform((v) => v === 'true' || v === '1'),
    ),
    /** Bearer token for /metrics; unset: /metrics is open (keep it off the public network). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** The dashboard's persisted-documents manifest (relative to packages/api). */
    TRUSTED_DOCUMENTS_FILE: z.string().optional(),
    GRAPHQL_UNTRUSTED_DOCUMENTS: z.enum(['allow', 'partners', 'reject']).default('allow'),
    /** OTLP/HTTP endpoint (e.g. http://collector:4318): set, and traces are exported; unset, tracing is not loaded. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
    OTEL_SERVICE_NAME: z.string().min(1).default('creditline-api'),
  })
  .superRefine((c, ctx) => {
    const production = c.NODE_ENV === 'production';
    for (const key of SECRET_SETTINGS) {
      const value = c[key];
      if (!value) {
        if (production)
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      } else if (secretBytes(key, value) < 32)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `must be at least 32 bytes (got ${secretBytes(key, value)})`,
        });
      else if (production && DEVELOPMENT_SECRETS.has(value))
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'is a published development value; generate one with `openssl rand -base64 32`',
        });
    }
    if (production && c.SMS_PROVIDER === 'sink')
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_PROVIDER'],
        message: 'cannot be the development sink in production (use http)',
      });
    if (c.SMS_PROVIDER === 'http' && !c.SMS_HTTP_URL)
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_HTTP_URL'],
        message: 'is required when SMS_PROVIDER is http',
      });
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  /** Secrets with development defaults filled in (never used in production: validated above). */
  secrets: { jwt: Uint8Array; piiKey: Buffer; blindIndexKey: Buffer };
}

export class ConfigError extends Error {}

/** Parse and validate configuration; throws ConfigError with one readable line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    secrets: {
      jwt: new TextEncoder().encode(c.JWT_SECRET ?? DEV_JWT_SECRET),
      piiKey: Buffer.from(c.PII_ENCRYPTION_KEY ?? DEV_PII_KEY, 'base64'),
      blindIndexKey: Buffer.from(c.PII_BLIND_INDEX_KEY ?? DEV_BLIND_KEY, 'base64'),
    },
  };
}
