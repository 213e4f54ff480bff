// The framework floors (bench/run.ts): the same GraphQL documents Creditline is sent, answered by
// the same single SQL statement as the raw-pg server, with nothing of Creditline's own — no
// credentials, no abuse limits, no link check, no logging, no metrics, no plugins, no
// type-graphql. What is left is what the framework costs per request, measured in the same run:
//   FLOOR=apollo      Fastify 5 + @apollo/server 5 through @as-integrations/fastify (the stack
//                     Creditline runs on; Apollo's cache-control plugin off, as in Creditline);
//   FLOOR=fastify     Fastify 5 + graphql-js `execute` on a document parsed and validated once
//                     per query text (Fastify's route and JSON body parser, no Apollo): the
//                     difference to FLOOR=apollo is what Apollo's request pipeline costs;
//   FLOOR=graphql-js  the same execution behind node:http (no Apollo, no Fastify).
// If a floor's CPU per request is above a goal, no change inside Creditline meets that goal on
// this stack. Run in its own process: `FLOOR=… DATABASE_URL=… PORT=… node bench/proc/floor-server.mjs`.
import http from 'node:http';
import pg from 'pg';
import { buildSchema, execute, parse, validate } from 'graphql';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const AVAILABLE = `greatest(0, case when a.status = 'ACTIVE' then a.base_limit_fen + coalesce((select sum(t.amount_fen) from temporary_limits t where t.account_id = a.id and t.status = 'ACTIVE' and t.category is null and t.starts_at <= now() and t.ends_at > now()), 0) - a.used_fen else 0 end)`;
const sql = {
  available: `select a.id, ${AVAILABLE} as available from credit_accounts a where a.id = $1`,
  page: `select c.id, c.name, c.phone_masked, c.national_id_masked, c.real_name_verified, a.id as account_id, a.status, a.base_limit_fen, a.used_fen, a.score, a.grade,
                ${AVAILABLE} as available, d.kind, d.created_at, d.reasons
           from customers c join credit_accounts a on a.customer_id = c.id
           left join lateral (select kind, created_at, reasons from limit_decisions where account_id = a.id order by created_at desc, id desc limit 1) d on true
          where c.id = $1`,
  // The bare conditional UPDATE of the authorization cases (bench/authorize.ts), as a mutation.
  hold: `update credit_accounts set held_fen = held_fen + 1 where id = $1 and base_limit_fen - used_fen >= 1 returning id`,
};
const one = async (name, id) =>
  (await pool.query({ name, text: sql[name], values: [id] })).rows[0] ?? null;
/** Global ids as Creditline's (base64url of `Type:id`); the id is a bigint in text. */
const localId = (gid, type) => {
  const [t, id] = Buffer.from(gid, 'base64url').toString('utf8').split(':');
  return t === type && /^\d{1,18}$/.test(id ?? '') ? id : null;
};
const yuan = (fen) => {
  const f = BigInt(fen);
  return `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;
};
const money = (fen) => ({ amount: yuan(fen), currency: 'CNY' });

const schema = buildSchema(`
  interface Node { id: ID! }
  type Money { amount: String! currency: String! }
  type Reason { code: String! text: String! }
  type Decision { kind: String! createdAt: String! reasons: [Reason!]! }
  type CreditAccount implements Node {
    id: ID! status: String! baseLimit: Money! usedAmount: Money! availableLimit: Money!
    score: Int grade: String latestDecision: Decision
  }
  type Customer implements Node {
    id: ID! name: String! maskedPhone: String! maskedNationalId: String! realNameVerified: Boolean!
    account: CreditAccount
  }
  type Query { node(id: ID!): Node customer(id: ID!): Customer }
  input AuthorizePurchaseInput {
    accountId: ID! amount: String! category: String! merchant: String! idempotencyKey: String!
  }
  type UserError { code: String! message: String! }
  type AuthorizePurchasePayload { decision: String userErrors: [UserError!]! }
  type Mutation { authorizePurchase(input: AuthorizePurchaseInput!): AuthorizePurchasePayload! }
`);
schema.getType('Node').resolveType = (v) => v.__typename;
const q = schema.getQueryType().getFields();
q.node.resolve = async (_, { id }) => {
  const local = localId(id, 'CreditAccount');
  const row = local && (await one('available', local));
  return row && { __typename: 'CreditAccount', id, availableLimit: money(row.available) };
};
q.customer.resolve = async (_, { id }) => {
  const local = localId(id, 'Customer');
  const r = local && (await one('page', local));
  return (
    r && {
      id,
      name: r.name,
      maskedPhone: r.phone_masked,
      maskedNationalId: r.national_id_masked,
      realNameVerified: r.real_name_verified,
      account: {
        id: Buffer.from(`CreditAccount:${r.account_id}`).toString('base64url'),
        status: r.status,
        baseLimit: money(r.base_limit_fen),
        usedAmount: money(r.used_fen),
        availableLimit: money(r.available),
        score: r.score,
        grade: r.grade,
        latestDecision: r.kind && {
          kind: r.kind,
          createdAt: new Date(r.created_at).toISOString(),
          // Stored as [{ code, … }]; the text is Creditline's to write (i18n), here the code.
          reasons: (r.reasons ?? []).map((x) => ({ code: x.code, text: x.code })),
        },
      },
    }
  );
};

schema.getMutationType().getFields().authorizePurchase.resolve = async (_, { input }) => {
  const local = localId(input.accountId, 'CreditAccount');
  const row = local && (await one('hold', local));
  return { decision: row ? 'HELD' : 'DECLINED', userErrors: [] };
};

const port = Number(process.env.PORT);
const documents = new Map();
/** graphql-js on a document parsed and validated once per query text. */
const run = ({ query, variables, operationName }) => {
  let document = documents.get(query);
  if (!document) {
    document = parse(query ?? '{ __typename }');
    const errors = validate(schema, document);
    if (errors.length) throw errors[0];
    documents.set(query, document);
  }
  return execute({ schema, document, variableValues: variables, operationName });
};
/** Listen on PORT with keep-alive as the load generator uses it; on SIGTERM close, then exit. */
async function serve(fastify) {
  fastify.server.keepAliveTimeout = 60_000;
  await fastify.listen({ port, host: '127.0.0.1' });
  process.on(
    'SIGTERM',
    () =>
      void fastify
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}
if (process.env.FLOOR === 'apollo') {
  const { ApolloServer } = await import('@apollo/server');
  const { ApolloServerPluginCacheControlDisabled } = await import('@apollo/server/plugin/disabled');
  const { fastifyApolloHandler } = await import('@as-integrations/fastify');
  const { default: Fastify } = await import('fastify');
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginCacheControlDisabled()] });
  await apollo.start();
  const fastify = Fastify();
  fastify.route({
    method: ['GET', 'POST'],
    url: '/graphql',
    handler: fastifyApolloHandler(apollo),
  });
  await serve(fastify);
} else if (process.env.FLOOR === 'fastify') {
  const { default: Fastify } = await import('fastify');
  const fastify = Fastify();
  fastify.post('/graphql', async (req, reply) => {
    try {
      return await run(req.body ?? {});
    } catch (e) {
      return reply.code(400).send({ errors: [{ message: String(e) }] });
    }
  });
  await serve(fastify);
} else {
  const server = http.createServer((req, res) => {
    let b = '';
    req.on('data', (c) => (b += c));
    req.on('end', async () => {
      try {
        const result = await run(JSON.parse(b || '{}'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
      } catch (e) {
        res.writeHead(400).end(JSON.stringify({ errors: [{ message: String(e) }] }));
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
