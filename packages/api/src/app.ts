import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import depthLimit from 'graphql-depth-limit';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
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
import { serveDashboard } from './server/static-files.js';
import { refreshActiveModel } from './modules/models/model-registry.service.js';

export interface App {
  schema: GraphQLSchema;
  apollo: ApolloServer<GraphQLContext>;
  services: Services;
  server: http.Server;
  /** A context for in-process operations (tests, jobs): a fresh EntityManager fork. */
  contextFor(viewer: GraphQLContext['viewer']): GraphQLContext;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('Request body is larger than 1 MB.'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The API: Apollo Server over a plain node:http server (Apollo's documented integration API),
 * with `/graphql`, `/health`, and the built dashboard at `/`.
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

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP, then ORM, then the embedded PostgreSQL, in that order).
    stopOnTerminationSignals: false,
    validationRules: [
      depthLimit(config.GRAPHQL_MAX_DEPTH),
      operationShapeRule(config.GRAPHQL_MAX_ALIASES, config.GRAPHQL_MAX_ROOT_FIELDS, SIGN_IN_FIELD),
    ],
    // Parsing stops at the token limit: 1,000 aliases are refused before the validation rules
    // (each of which walks the whole document) ever see them.
    parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatErrorFor({ hideSuggestions: production }),
    plugins: [
      inputTextPlugin(),
      refusalAuditPlugin(orm.em.getConnection().getKnex()),
      // We set no cache hints; Apollo's default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      costLimitPlugin(schema, config.GRAPHQL_MAX_COST),
      partnerAccessPlugin(schema),
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

  const dashboard = config.DASHBOARD_DIST ? serveDashboard(config.DASHBOARD_DIST) : undefined;

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const text = await readBody(req);
      if ((headers.get('content-type') ?? '').includes('application/json')) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(res, 400, {
            errors: [
              {
                message: 'The request body is not valid JSON.',
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          });
        }
      } else body = text;
    }
    const requestId = randomUUID();
    const httpGraphQLRequest: HTTPGraphQLRequest = {
      method: req.method!.toUpperCase(),
      headers,
      search: url.search,
      body,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest,
      context: async () => {
        const clientAddress = clientAddressOf(
          req.socket.remoteAddress,
          headers,
          config.TRUST_PROXY,
        );
        const viewer = await admitRequest({
          services,
          em: orm.em,
          authorization: headers.get('authorization'),
          apiKey: headers.get('x-api-key'),
          clientAddress,
        });
        return createContext({
          root: orm.em,
          viewer,
          config,
          logger,
          services,
          requestId,
          clientAddress,
        });
      },
    });
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.setHeader('x-request-id', requestId);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') res.end(response.body.string);
    else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const done = (async () => {
      if (url.pathname === '/graphql') return handleGraphQL(req, res, url);
      if (url.pathname === '/health') {
        await orm.em.getConnection().execute('select 1');
        return sendJson(res, 200, { status: 'ok' });
      }
      if (dashboard?.(req, res)) return;
      sendJson(res, 404, { error: 'Not found. The GraphQL endpoint is /graphql.' });
    })();
    done.catch((err: Error & { status?: number }) => {
      const status = err.status ?? 500;
      if (status >= 500) logger.error({ err }, 'request failed');
      if (!res.headersSent) {
        const code =
          status === 401
            ? 'UNAUTHENTICATED'
            : status === 413
              ? 'BAD_REQUEST'
              : 'INTERNAL_SERVER_ERROR';
        const extCode = (err as { extensions?: { code?: string } }).extensions?.code;
        if (extCode === 'UNAUTHENTICATED')
          return sendJson(res, 401, {
            errors: [{ message: err.message, extensions: { code: extCode } }],
          });
        sendJson(res, status, {
          errors: [
            {
              message: status >= 500 ? 'Something went wrong on our side.' : err.message,
              extensions: { code },
            },
          ],
        });
      } else res.end();
    });
  });

  return {
    schema,
    apollo,
    services,
    server,
    contextFor,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
      await apollo.stop();
    },
  };
}
