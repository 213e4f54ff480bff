import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics of the process, served at `/metrics` (docs/operations-server.md lists
 * them). One registry per process: the API, the jobs and the worker increment the same counters,
 * and a test that builds several apps in one process does not register a metric twice.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'creditline_' });

/** Latency buckets in seconds: the partner hot path sits around 1–5 ms, a customer page 5–50 ms. */
const LATENCY = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlRequests = new Counter({
  name: 'creditline_graphql_requests_total',
  help: 'GraphQL operations by operation name, type and outcome (success, error, rejected).',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'creditline_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL operation to its response, by operation name and type.',
  labelNames: ['operation', 'type'] as const,
  buckets: LATENCY,
  registers: [registry],
});

export const httpRequests = new Counter({
  name: 'creditline_http_requests_total',
  help: 'HTTP requests by route (the registered pattern, never the raw path) and status code.',
  labelNames: ['route', 'method', 'status'] as const,
  registers: [registry],
});

export const httpDuration = new Histogram({
  name: 'creditline_http_request_duration_seconds',
  help: 'HTTP request latency by route.',
  labelNames: ['route'] as const,
  buckets: LATENCY,
  registers: [registry],
});

export const authorizations = new Counter({
  name: 'creditline_authorizations_total',
  help: 'Purchase authorizations decided, by decision (HELD, DECLINED, PENDING_REVIEW); replays of an idempotency key are not counted.',
  labelNames: ['decision'] as const,
  registers: [registry],
});

export const jobRuns = new Counter({
  name: 'creditline_job_runs_total',
  help: 'Job runs by job name and outcome (success, failure).',
  labelNames: ['job', 'outcome'] as const,
  registers: [registry],
});

export const jobDuration = new Histogram({
  name: 'creditline_job_duration_seconds',
  help: 'Job run time by job name.',
  labelNames: ['job'] as const,
  buckets: [0.01, 0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600],
  registers: [registry],
});

/** Record one job run: the jobs code (CLI or worker) calls this once per run. */
export function recordJobRun(job: string, outcome: 'success' | 'failure', seconds: number): void {
  jobRuns.inc({ job, outcome });
  jobDuration.observe({ job }, seconds);
}

/** What a connection pool reports (knex's tarn pool under MikroORM, or a pg.Pool). */
export interface PoolStats {
  used: number;
  free: number;
  pending: number;
  max: number;
}

const pools = new Map<string, () => PoolStats>();

/** Report a pool's use at `/metrics` under `name`; returns the function that stops reporting it. */
export function registerPool(name: string, stats: () => PoolStats): () => void {
  pools.set(name, stats);
  return () => {
    if (pools.get(name) === stats) pools.delete(name);
  };
}

new Gauge({
  name: 'creditline_db_pool_connections',
  help: 'Database pool connections by pool and state (used, free, pending acquires, max).',
  labelNames: ['pool', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [pool, stats] of pools) {
      const s = stats();
      this.set({ pool, state: 'used' }, s.used);
      this.set({ pool, state: 'free' }, s.free);
      this.set({ pool, state: 'pending' }, s.pending);
      this.set({ pool, state: 'max' }, s.max);
    }
  },
});

/**
 * What the job tables say, read at scrape time. The workers are other processes (maybe other
 * machines), so their in-process counters above are not on an API's /metrics; these gauges are the
 * same for every API process and are what an operator alerts on ("the review has not finished
 * in 26 hours", "no worker alive").
 */
export interface JobStats {
  lastFinished: { job: string; status: string; at: Date }[];
  running: { job: string; n: number }[];
  workersAlive: number;
}

let jobStatsSource: (() => Promise<JobStats>) | undefined;

/** The API registers where job stats come from (the database); returns the unregister function. */
export function registerJobStats(source: () => Promise<JobStats>): () => void {
  jobStatsSource = source;
  return () => {
    if (jobStatsSource === source) jobStatsSource = undefined;
  };
}

let jobStatsRead: Promise<JobStats | undefined> | undefined;
/** One database read per scrape for the three gauges below. */
function readJobStats(): Promise<JobStats | undefined> {
  jobStatsRead ??= (jobStatsSource?.() ?? Promise.resolve(undefined))
    .catch(() => undefined)
    .finally(() => setTimeout(() => (jobStatsRead = undefined), 100));
  return jobStatsRead;
}

new Gauge({
  name: 'creditline_job_last_finished_timestamp_seconds',
  help: 'When each job last finished, by outcome (DONE, FAILED, INTERRUPTED), from job_runs.',
  labelNames: ['job', 'status'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const s = await readJobStats();
    for (const r of s?.lastFinished ?? [])
      this.set({ job: r.job, status: r.status }, r.at.getTime() / 1000);
  },
});

new Gauge({
  name: 'creditline_job_runs_running',
  help: 'Job runs now RUNNING, by job, from job_runs.',
  labelNames: ['job'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const s = await readJobStats();
    for (const r of s?.running ?? []) this.set({ job: r.job }, r.n);
  },
});

new Gauge({
  name: 'creditline_job_workers_alive',
  help: 'Job worker processes whose heartbeat is recent (job_workers).',
  registers: [registry],
  async collect() {
    const s = await readJobStats();
    this.set(s?.workersAlive ?? 0);
  },
});
