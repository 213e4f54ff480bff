import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyCors from '@fastify/cors';
import depthLimit from 'graphql-depth-limit';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { constants as zlib } from 'node:zlib';
import type { Config } from './config/config.js';
import { createContext, type GraphQLContext } from './graphql/context.js';
import { createSchema } from './graphql/schema.js';
import { createServices, type Services } from './graphql/services.js';
import { costLimitPlugin } from './graphql/limits.js';
import { partnerAccessPlugin } from './modules/links/partner-gate.js';
import { formatErrorFor } from './graphql/format-error.js';
import {
  inputTextPlugin,
  operationShapeRule,
  refusalAuditPlugin,
} from './graphql/request-guards.js';
import { admitRequest, clientAddressOf } from './modules/abuse/admit.js';
import { SIGN_IN_FIELD } from './modules/auth/auth.resolver.js';
import { migrationsList } from './db/migrations/index.js';
import { registerDashboard } from './server/dashboard.js';
import { Readiness } from './server/readiness.js';
import { operationMetricsPlugin, trustedDocumentsPlugin } from './server/graphql-plugins.js';
import { TrustedDocuments } from './server/trusted-documents.js';
import { securityHeaders } from './server/security-headers.js';
import {
  httpDuration,
  httpRequests,
  registerJobStats,
  registerPool,
  registry,
} from './shared/metrics.js';
import { refreshActiveModel } from './modules/models/model-registry.service.js';
import { DEAD_AFTER_SECONDS } from './modules/jobs/job-definitions.js';

export interface App {
  schema: GraphQLSchema;
  apollo: ApolloServer<GraphQLContext>;
  services: Services;
  /** The Fastify instance (routes, hooks, `inject` for tests). */
  http: FastifyInstance;
  /** The underlying node:http server. */
  server: http.Server;
  /** `/ready`'s checks: the API adds database and migrations; a worker adds its own. */
  readiness: Readiness;
  /** A context for in-process operations (tests, jobs): a fresh EntityManager fork. */
  contextFor(viewer: GraphQLContext['viewer']): GraphQLContext;
  listen(port: number, host: string): Promise<number>;
  /**
   * Graceful stop: readiness turns false, no new connections, requests in flight finish (up to
   * `timeoutMs`, then connections are cut), then Apollo stops.
   */
  close(opts?: { timeoutMs?: number }): Promise<void>;
}

/** A client's request id is kept when it is a plain token (it ends up in logs and headers). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The error body every non-GraphQL failure uses: the same shape as GraphQL errors, so one client code path reads both. */
function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code } }] });
}

/** Request errors: the document was refused before execution (not a malformed HTTP request). */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'QUERY_TOO_COMPLEX',
]);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (the legacy media type) gets
 * 200 for parse, validation and variable errors, as its older clients expect; one that accepts
 * `application/graphql-response+json` gets 400 (Apollo's answer). Only 400s are looked at.
 */
async function legacyJsonStatus(_req: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (reply.statusCode !== 400 || typeof payload !== 'string') return payload;
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !type.startsWith('application/json')) return payload;
  try {
    const body = JSON.parse(payload) as {
      data?: unknown;
      errors?: { extensions?: { code?: string } }[];
    };
    if (
      body.data === undefined &&
      body.errors?.length &&
      body.errors.every((e) => REQUEST_ERROR_CODES.has(e.extensions?.code ?? ''))
    )
      reply.code(200);
  } catch {
    // not a GraphQL response: leave it
  }
  return payload;
}

/**
 * The API: Apollo Server on Fastify (`@as-integrations/fastify`), with `/graphql`, the SDL at
 * `/graphql/schema.graphql`, `/health`, `/ready`, `/metrics`, and the built dashboard at `/`.
 * docs/operations-server.md describes the endpoints, headers and limits.
 */
export async function createApp(opts: {
  config: Config;
  orm: MikroORM;
  logger: Logger;
}): Promise<App> {
  const { config, orm, logger } = opts;
  const schema = await createSchema();
  const services = createServices(config, logger, orm);
  // The model a risk admin promoted (issue 16 item 7), else the shipped one.
  await refreshActiveModel(orm.em.fork());
  const production = config.NODE_ENV === 'production';
  const trusted = TrustedDocuments.fromFile(config.TRUSTED_DOCUMENTS_FILE);

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP, then ORM, then the embedded PostgreSQL, in that order).
    stopOnTerminationSignals: false,
    // Browsers cannot send a "simple" cross-site request that Apollo would execute: a POST
    // must be JSON (preflighted) and a GET must carry a non-simple header.
    csrfPrevention: true,
    persistedQueries: { cache: trusted.apqCache() },
    validationRules: [
      depthLimit(config.GRAPHQL_MAX_DEPTH),
      operationShapeRule(config.GRAPHQL_MAX_ALIASES, config.GRAPHQL_MAX_ROOT_FIELDS, SIGN_IN_FIELD),
    ],
    // Parsing stops at the token limit: 1,000 aliases are refused before the validation rules
    // (each of which walks the whole document) ever see them.
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatErrorFor({ hideSuggestions: production }),
    // Compact JSON: Apollo's default indents every response (more CPU and more bytes per answer).
    stringifyResult: (value) => JSON.stringify(value),
    plugins: [
      inputTextPlugin(),
      refusalAuditPlugin(orm.em.getConnection().getKnex()),
      // We set no cache hints; Apollo's default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(schema, config.GRAPHQL_MAX_COST),
      partnerAccessPlugin(schema),
      operationMetricsPlugin(),
      trustedDocumentsPlugin(trusted, config.GRAPHQL_UNTRUSTED_DOCUMENTS),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue }) {
              for (const e of errors) {
                const code = e.extensions?.code;
                if (!code || code === 'INTERNAL_SERVER_ERROR')
                  contextValue.logger.error(
                    { err: e.originalError ?? e, requestId: contextValue.requestId, path: e.path },
                    'resolver fault',
                  );
              }
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const contextFor = (viewer: GraphQLContext['viewer']) =>
    createContext({
      root: orm.em,
      em: orm.em.fork(),
      viewer,
      config,
      logger,
      services,
      requestId: randomUUID(),
    });

  const readiness = new Readiness();
  readiness.add('database', async () => {
    await orm.em.getConnection().execute('select 1');
  });
  let migrationsDone = false;
  readiness.add('migrations', async () => {
    if (migrationsDone) return; // applied migrations are never unapplied: ask once
    const rows = await orm.em
      .getConnection()
      .execute<{ name: string }[]>('select name from mikro_orm_migrations');
    const applied = new Set(rows.map((r) => r.name));
    const missing = migrationsList.filter((m) => !applied.has(m.name)).map((m) => m.name);
    if (missing.length) throw new Error(`not applied: ${missing.join(', ')}`);
    migrationsDone = true;
  });
  // The job workers (separate processes, possibly on other machines) beat into job_workers every
  // 2 s (modules/jobs/worker.ts); none within DEAD_AFTER_SECONDS means no job runs. Optional
  // unless READY_REQUIRES_WORKER: see server/readiness.ts for why.
  readiness.add(
    'worker',
    async () => {
      const [row] = await orm.em
        .getConnection()
        .execute<{ n: string }[]>(
          `select count(*) as n from job_workers where heartbeat_at > now() - make_interval(secs => ?)`,
          [DEAD_AFTER_SECONDS],
        );
      if (Number(row?.n ?? 0) === 0)
        throw new Error(`no job worker has reported in the last ${DEAD_AFTER_SECONDS} s`);
    },
    { optional: !config.READY_REQUIRES_WORKER },
  );

  const unregisterJobStats = registerJobStats(async () => {
    const conn = orm.em.getConnection();
    const [last, running, alive] = await Promise.all([
      conn.execute<{ job: string; status: string; at: Date }[]>(
        `select job, status, max(finished_at) as at from job_runs
          where finished_at is not null group by job, status`,
      ),
      conn.execute<{ job: string; n: string }[]>(
        `select job, count(*) as n from job_runs where status = 'RUNNING' group by job`,
      ),
      conn.execute<{ n: string }[]>(
        `select count(distinct (host, pid)) as n from job_workers
          where heartbeat_at > now() - make_interval(secs => ?)`,
        [DEAD_AFTER_SECONDS],
      ),
    ]);
    return {
      lastFinished: last.map((r) => ({ job: r.job, status: r.status, at: new Date(r.at) })),
      running: running.map((r) => ({ job: r.job, n: Number(r.n) })),
      workersAlive: Number(alive[0]?.n ?? 0),
    };
  });

  const pool = (
    orm.em.getConnection().getKnex() as unknown as {
      client: {
        pool?: {
          numUsed(): number;
          numFree(): number;
          numPendingAcquires(): number;
          max: number;
        };
      };
    }
  ).client;
  const unregisterPool = registerPool(`orm-${randomUUID().slice(0, 8)}`, () => {
    const p = pool.pool;
    return p
      ? { used: p.numUsed(), free: p.numFree(), pending: p.numPendingAcquires(), max: p.max }
      : { used: 0, free: 0, pending: 0, max: 0 };
  });

  const fastify = Fastify({
    loggerInstance: logger.child({ module: 'http' }) as FastifyBaseLogger,
    // One line per request from the onResponse hook below, not Fastify's two.
    logController: new LogController({
      disableRequestLogging: true,
      requestIdLogLabel: 'requestId',
    }),
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    bodyLimit: config.HTTP_BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    // Malformed percent-encoding and the like: a 400 in our error shape, not a 500.
    frameworkErrors: (err, _req, reply) =>
      sendError(reply, 400, 'BAD_REQUEST', `Malformed request: ${err.message}`),
  });

  fastify.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  fastify.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(unmatched)';
    const seconds = reply.elapsedTime / 1000;
    httpRequests.inc({ route, method: req.method, status: reply.statusCode });
    httpDuration.observe({ route }, seconds);
    req.log.info(
      {
        method: req.method,
        url: req.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  fastify.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'request failed');
    switch (err.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(
          reply,
          413,
          'PAYLOAD_TOO_LARGE',
          `The request body is larger than ${config.HTTP_BODY_LIMIT} bytes.`,
        );
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(reply, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(
          reply,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'Send the GraphQL request as application/json.',
        );
    }
    if (status >= 500)
      return sendError(reply, 500, 'INTERNAL_SERVER_ERROR', 'Something went wrong on our side.');
    return sendError(reply, status, 'BAD_REQUEST', err.message);
  });

  fastify.setNotFoundHandler((req, reply) =>
    sendError(
      reply,
      404,
      'NOT_FOUND',
      `Nothing at ${req.method} ${req.url.split('?')[0]}. The GraphQL endpoint is /graphql.`,
    ),
  );

  const origins = new Set(config.CORS_ORIGINS);
  await fastify.register(fastifyCors, {
    // Only the configured origins get CORS headers; others are answered without them (the
    // browser then refuses), never with a wildcard: partner back ends do not need CORS at all.
    origin: (origin, cb) => cb(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-api-key',
      'x-request-id',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    exposedHeaders: ['x-request-id'],
    maxAge: 600,
  });

  const helmetOptions = {
    // The dashboard: scripts only from this origin; Mantine and Recharts set inline styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where TLS is terminated in front of us and says so.
    strictTransportSecurity: production ? undefined : false,
  } as const;
  // Computed once (security-headers.ts); every response gets them.
  const headers = securityHeaders(helmetOptions);
  // Apollo's landing page (development only) loads the Sandbox from Apollo's CDN.
  const graphqlHeaders = production
    ? headers
    : securityHeaders({ ...helmetOptions, contentSecurityPolicy: false });
  fastify.addHook('onRequest', (req, reply, done) => {
    reply.headers(req.routeOptions.url === '/graphql' ? graphqlHeaders : headers);
    done();
  });

  await fastify.register(fastifyCompress, {
    threshold: 1024,
    // Brotli's default quality (11) costs more CPU than it saves on dynamic responses.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
  });

  const graphqlHandler = fastifyApolloHandler(apollo, {
    context: async (req) => {
      const h = req.headers;
      // Our own last-hop rule (admit.ts), not Fastify's req.ip: with a trusted proxy Fastify
      // would take the first X-Forwarded-For hop, which the client writes.
      const clientAddress = clientAddressOf(req.socket.remoteAddress, h, config.TRUST_PROXY);
      // Credentials, then the abuse limits (401, or 429 with Retry-After, from Apollo's context error).
      const viewer = await admitRequest({
        services,
        em: orm.em,
        authorization: h.authorization,
        apiKey: typeof h['x-api-key'] === 'string' ? h['x-api-key'] : undefined,
        clientAddress,
      });
      return createContext({
        root: orm.em,
        viewer,
        config,
        logger,
        services,
        requestId: req.id,
        clientAddress,
      });
    },
  });
  fastify.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: graphqlHandler,
    onSend: legacyJsonStatus,
  });

  // The same text as the committed schema.graphql (emit-schema.ts), printed on first request.
  let sdl: string | undefined;
  fastify.get('/graphql/schema.graphql', async (_req, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('content-disposition', 'inline; filename="schema.graphql"')
      .header('cache-control', 'no-cache')
      .send((sdl ??= printSchema(lexicographicSortSchema(schema)) + '\n')),
  );

  fastify.get('/health', async () => ({ status: 'ok' }));
  fastify.get('/ready', async (_req, reply) => {
    const report = await readiness.report();
    return reply
      .code(report.status === 'ready' || report.status === 'degraded' ? 200 : 503)
      .send(report);
  });
  fastify.get('/metrics', async (req, reply) => {
    if (config.METRICS_TOKEN && req.headers.authorization !== `Bearer ${config.METRICS_TOKEN}`)
      return sendError(
        reply,
        401,
        'UNAUTHENTICATED',
        'Send Authorization: Bearer <METRICS_TOKEN>.',
      );
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  if (config.DASHBOARD_DIST) registerDashboard(fastify, config.DASHBOARD_DIST);

  let closing: Promise<void> | undefined;
  return {
    schema,
    apollo,
    services,
    http: fastify,
    server: fastify.server,
    readiness,
    contextFor,
    listen: async (port, host) => {
      await fastify.listen({ port, host });
      return (fastify.server.address() as AddressInfo).port;
    },
    close: (o = {}) =>
      (closing ??= (async () => {
        readiness.drain();
        // fastify.close() stops accepting, closes idle keep-alive connections, and waits for
        // requests in flight; past the timeout the remaining connections are cut.
        const cut = setTimeout(
          () => fastify.server.closeAllConnections(),
          o.timeoutMs ?? config.SHUTDOWN_TIMEOUT_MS,
        );
        try {
          await fastify.close();
        } finally {
          clearTimeout(cut);
        }
        await apollo.stop();
        unregisterPool();
        unregisterJobStats();
      })()),
  };
}
