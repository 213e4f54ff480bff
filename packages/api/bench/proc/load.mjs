// The load generator (bench/run.ts), in its own process so its CPU is neither the servers' nor
// the harness's. One case per run; argument: a JSON spec. Prints one JSON line: the result.
//   mode "http": autocannon against `url` (or round-robin over `urls`), a body per request built from the rotating ids.
//   mode "sql":  the bare conditional UPDATE straight on PostgreSQL from `connections` clients.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import pg from 'pg';

const spec = JSON.parse(process.argv[2]);
const ids = readFileSync(spec.idsFile, 'utf8').trim().split('\n');
let seq = spec.start ?? 0;
const next = () => ids[seq++ % ids.length];
const gid = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const gql = (query, variables) => JSON.stringify({ query, variables });

const bodies = {
  'creditline-partner': () =>
    gql(
      `query($id: ID!) { node(id: $id) { ... on CreditAccount { availableLimit { amount currency } } } }`,
      { id: gid('CreditAccount', next()) },
    ),
  'creditline-page': () =>
    gql(
      `query($id: ID!) { customer(id: $id) { id name maskedPhone maskedNationalId realNameVerified account { id status baseLimit { amount } usedAmount { amount } availableLimit { amount } score grade latestDecision { kind createdAt reasons { code text } } } } }`,
      { id: gid('Customer', next()) },
    ),
  'creditline-authorize': () =>
    gql(
      `mutation($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision userErrors { code } } }`,
      {
        input: {
          accountId: gid('CreditAccount', next()),
          amount: '0.01',
          category: 'DIGITAL',
          merchant: 'bench',
          idempotencyKey: `${spec.keyPrefix}-${seq}`,
        },
      },
    ),
  'pgl-partner': () =>
    gql(
      // Keys are (id, customer_id) since the Citus-ready schema: PostGraphile names by both columns.
      `query($id: BigInt!) { allCreditAccounts(condition: { id: $id }, first: 1) { nodes { status baseLimitFen usedFen temporaryLimitsByAccountIdAndCustomerId(condition: { status: "ACTIVE", category: null }) { nodes { amountFen startsAt endsAt } } } } }`,
      { id: next() },
    ),
  'pgl-page': () =>
    gql(
      `query($id: BigInt!) { customerById(id: $id) { id name phoneMasked nationalIdMasked realNameVerified creditAccountByCustomerId { id status baseLimitFen usedFen score grade
      temporaryLimitsByAccountIdAndCustomerId(condition: { status: "ACTIVE", category: null }) { nodes { amountFen startsAt endsAt } }
      limitDecisionsByAccountIdAndCustomerId(first: 1, orderBy: [CREATED_AT_DESC, ID_DESC]) { nodes { kind createdAt reasons } } } } }`,
      { id: next() },
    ),
  'raw-partner': () => JSON.stringify({ kind: 'available', id: next() }),
  'raw-page': () => JSON.stringify({ kind: 'page', id: next() }),
  'raw-hold': () => JSON.stringify({ kind: 'hold', id: next() }),
};

async function http() {
  const body = bodies[spec.body];
  if (spec.check) {
    // One response checked first, so a wrong query is never measured as fast errors.
    const res = await fetch(spec.url ?? spec.urls[0], {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...spec.headers },
      body: body(),
    });
    const text = await res.text();
    const ok =
      res.ok &&
      text.includes('"data"') &&
      !text.includes('"errors"') &&
      (spec.body !== 'creditline-authorize' || text.includes('HELD'));
    if (!ok) {
      process.stderr.write(
        `${spec.body}: unexpected response ${res.status} ${text.slice(0, 400)}\n`,
      );
      process.exit(2);
    }
  }
  // `urls`: several API processes with no balancer in front: the connections are dealt round-robin
  // over them (one autocannon instance per process, all in this one load process).
  const urls = spec.urls ?? [spec.url];
  const runs = await Promise.all(
    urls.map((url, i) =>
      autocannon({
        url,
        connections:
          Math.floor(spec.connections / urls.length) + (i < spec.connections % urls.length ? 1 : 0),
        duration: spec.seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...spec.headers },
            setupRequest: (req) => ({ ...req, body: body() }),
          },
        ],
      }),
    ),
  );
  const total = runs.reduce((a, r) => a + r.requests.total, 0);
  return {
    requests: total,
    rps: total / spec.seconds,
    // Several processes: the request-weighted p50 and the worst p99.
    p50:
      Math.round(
        (100 * runs.reduce((a, r) => a + r.latency.p50 * r.requests.total, 0)) / Math.max(1, total),
      ) / 100,
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    errors: runs.reduce((a, r) => a + r.errors + r.non2xx + r.timeouts, 0),
  };
}

async function sql() {
  const pool = new pg.Pool({ connectionString: spec.databaseUrl, max: spec.connections });
  const lat = [];
  let errors = 0;
  const end = performance.now() + spec.seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const r = await pool.query({
            name: 'hold',
            text: `update credit_accounts set held_fen = held_fen + 1 where id = $1 and base_limit_fen - used_fen >= 1`,
            values: [next()],
          });
          if (r.rowCount !== 1) errors++;
        } catch {
          errors++;
        }
        lat.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await pool.end();
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] ?? 0;
  return {
    requests: lat.length,
    rps: lat.length / elapsed,
    p50: Math.round(q(0.5) * 100) / 100,
    p99: Math.round(q(0.99) * 100) / 100,
    errors,
  };
}

const t0 = process.cpuUsage();
const w0 = performance.now();
const result = spec.mode === 'sql' ? await sql() : await http();
const cpu = process.cpuUsage(t0);
process.stdout.write(
  JSON.stringify({
    ...result,
    loaderCpuMs: (cpu.user + cpu.system) / 1000,
    wallMs: performance.now() - w0,
    next: seq,
  }) + '\n',
);
