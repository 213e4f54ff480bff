// The raw-pg baseline server (bench/run.ts): node:http + pg, one prepared statement per case, no
// auth, no GraphQL — the floor an HTTP API over this database can reach on this machine.
// Run in its own process: `DATABASE_URL=… PORT=… node bench/proc/raw-pg-server.mjs`.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const sql = {
  available: `select greatest(0, case when a.status = 'ACTIVE' then a.base_limit_fen + coalesce((select sum(t.amount_fen) from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.category is null and t.starts_at <= now() and t.ends_at > now()), 0) - a.used_fen else 0 end) as available from credit_accounts a where a.id = $1`,
  page: `select c.id, c.name, c.phone_masked, c.national_id_masked, c.real_name_verified, a.id as account_id, a.status, a.base_limit_fen, a.used_fen, a.score, a.grade,
                greatest(0, case when a.status = 'ACTIVE' then a.base_limit_fen + coalesce((select sum(t.amount_fen) from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.category is null and t.starts_at <= now() and t.ends_at > now()), 0) - a.used_fen else 0 end) as available,
                d.kind, d.created_at, d.reasons
           from customers c join credit_accounts a on a.customer_id = c.id
           left join lateral (select kind, created_at, reasons from limit_decisions where account_id = a.id order by created_at desc, id desc limit 1) d on true
          where c.id = $1`,
  // The bare conditional UPDATE (bench/authorize.ts) behind HTTP.
  hold: `update credit_accounts set held_fen = held_fen + 1 where id = $1 and base_limit_fen - used_fen >= 1 returning id`,
};
const server = http.createServer((req, res) => {
  let b = '';
  req.on('data', (c) => (b += c));
  req.on('end', async () => {
    try {
      const q = JSON.parse(b);
      const { rows } = await pool.query({ name: q.kind, text: sql[q.kind], values: [q.id] });
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ data: rows[0] ?? null }));
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close();
  void pool.end().then(() => process.exit(0));
});
