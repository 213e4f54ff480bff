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
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
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
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** Milliseconds between SIGTERM (readiness turns false) and closing the listener: time for a load balancer to notice. */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** Longest wait for requests in flight at shutdown before their connections are cut. */
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
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
    if (c.NODE_ENV === 'production') {
      for (const key of ['JWT_SECRET', 'PII_ENCRYPTION_KEY', 'PII_BLIND_INDEX_KEY'] as const) {
        if (!c[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  /** Secrets with development defaults filled in (never used in production: validated above). */
  secrets: { jwt: Uint8Array; piiKey: Buffer; blindIndexKey: Buffer };
}

export class ConfigError extends Error {}

/** Development-only defaults: fixed so that a restart can still read the data it encrypted. */
const DEV_JWT_SECRET = 'creditline-development-jwt-secret-change-me!';
const DEV_PII_KEY = Buffer.alloc(32, 7).toString('base64');
const DEV_BLIND_KEY = Buffer.alloc(32, 11).toString('base64');

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
