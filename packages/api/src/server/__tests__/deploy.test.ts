import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../config/config.js';

/** `docker build` does not run in CI: the compose file and the Dockerfile are checked as text. */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const read = (f: string) => readFileSync(path.join(repo, f), 'utf8');

interface Service {
  build?: string | { context: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, Service>;
  };
  const s = compose.services;

  it('has PostgreSQL, PgBouncer in transaction mode, two API processes and a worker', () => {
    expect(Object.keys(s).sort()).toEqual(['api-1', 'api-2', 'pgbouncer', 'postgres', 'worker']);
    expect(s.postgres!.image).toMatch(/^postgres:\d+/);
    expect(read('docker/pgbouncer/pgbouncer.ini')).toMatch(/^pool_mode = transaction$/m);
    expect(read('docker/pgbouncer/Dockerfile')).toMatch(/apt-get install .*pgbouncer/);
  });

  it('sends the API processes through PgBouncer with unnamed statements, the worker directly', () => {
    for (const name of ['api-1', 'api-2']) {
      const env = s[name]!.environment!;
      expect(new URL(env.DATABASE_URL!).host).toBe('pgbouncer:6432');
      expect(env.DATABASE_POOLER).toBe('transaction');
      expect(env.NODE_ENV).toBe('production');
      expect(s[name]!.depends_on).toHaveProperty('pgbouncer');
    }
    expect(s['api-1']!.ports).not.toEqual(s['api-2']!.ports);
    const worker = s.worker!;
    expect(new URL(worker.environment!.DATABASE_URL!).host).toBe('postgres:5432');
    expect(worker.command!.join(' ')).toMatch(/dist\/.*\.js/);
  });

  it('gives each service a configuration the API accepts', () => {
    for (const name of ['api-1', 'api-2', 'worker']) {
      const env = { ...s[name]!.environment! };
      // Secrets come from the operator's environment: stand in valid values.
      env.JWT_SECRET = 'x'.repeat(40);
      env.PII_ENCRYPTION_KEY = Buffer.alloc(32, 1).toString('base64');
      env.PII_BLIND_INDEX_KEY = Buffer.alloc(32, 2).toString('base64');
      expect(() => loadConfig(env)).not.toThrow();
    }
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  it('builds in one stage and runs compiled JavaScript as a non-root user in another', () => {
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER (node|\d{3,})$/m);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).toMatch(/CMD \["node", "--conditions=creditline-compiled", "dist\/main\.js"\]/);
    expect(runtime).not.toMatch(/tsx/);
    expect(stages[0]).toMatch(/pnpm build/);
    expect(stages[0]).toMatch(/prune --prod/);
  });
});
