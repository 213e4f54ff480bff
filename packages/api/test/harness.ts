import { afterAll, beforeAll } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { loadConfig, type Config } from '../src/config/config.js';
import { connectOrm } from '../src/db/orm.js';
import { createLogger } from '../src/shared/logger.js';
import { createApp, type App } from '../src/app.js';
import type { Viewer } from '../src/modules/auth/viewer.js';
import { createTestDatabase } from './database.js';

export interface TestApi {
  app: App;
  orm: MikroORM;
  config: Config;
  url: string;
  /** The test database, directly (not through a pooler). */
  dbUrl: string;
  /** Run an operation in process as a viewer; returns data and errors as a client would see them. */
  exec<T = any>(
    viewer: Viewer,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T | null; errors?: readonly GraphQLFormattedError[] }>;
  /** Raw SQL against the test database. */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

/**
 * Per test file: a fresh database, an ORM and the app (not listening unless `listen: true`).
 * Use inside a describe/file: `const api = useTestApi();` then `api.exec(...)` in tests.
 */
export function useTestApi(opts: { listen?: boolean; env?: Record<string, string> } = {}): TestApi {
  const api = {} as TestApi;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_POOLER: db.pooler,
      ...opts.env,
    });
    const orm = await connectOrm(db.appUrl, {}, { pooler: config.DATABASE_POOLER });
    // partnerViewer() defaults to app 1: a 'test partner' with every scope, linked by the fixtures.
    await orm.em
      .getConnection()
      .execute(
        `insert into partner_apps (name, scopes) values ('test partner', '{limits:read,quotes:read,purchases:write,repayments:write}')`,
      );
    const app = await createApp({ config, orm, logger: createLogger('silent') });
    let url = '';
    if (opts.listen) url = `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}`;
    Object.assign(api, {
      app,
      orm,
      config,
      url,
      dbUrl: db.url,
      exec: async (viewer: Viewer, query: string, variables?: Record<string, unknown>) => {
        const res = await app.apollo.executeOperation(
          { query, variables },
          { contextValue: app.contextFor(viewer) },
        );
        if (res.body.kind !== 'single') throw new Error('incremental delivery not expected');
        return res.body.singleResult as { data?: never; errors?: readonly GraphQLFormattedError[] };
      },
      sql: async (text: string, params: unknown[] = []) =>
        orm.em.getConnection().execute(text, params),
    } satisfies Partial<TestApi>);
  });
  afterAll(async () => {
    await api.app?.close();
    await api.orm?.close();
    await drop?.();
  });
  return api;
}

export const agentViewer = (id = '1'): Viewer => ({
  kind: 'agent',
  id,
  username: 'agent',
  role: 'AGENT',
});
export const supervisorViewer = (id = '2'): Viewer => ({
  kind: 'agent',
  id,
  username: 'supervisor',
  role: 'SUPERVISOR',
});
export const riskViewer = (id = '3'): Viewer => ({
  kind: 'agent',
  id,
  username: 'risk',
  role: 'RISK_ADMIN',
});
export const partnerViewer = (
  id = '1',
  scopes = ['limits:read', 'quotes:read', 'purchases:write', 'repayments:write'],
): Viewer => ({ kind: 'partner', id, name: 'test partner', scopes });
export const anonymous: Viewer = { kind: 'anonymous' };
