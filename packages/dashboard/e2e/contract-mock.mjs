#!/usr/bin/env node
// A stand-in for the API that follows schema.provisional.graphql (the agreed contract) with a
// small in-memory population. It exists so that the pages can be looked at and the browser
// specs checked against the contract while the real API is still being written:
//   node e2e/contract-mock.mjs            (PORT=5181 by default; serves dist/ and /graphql)
//   node e2e/run.mjs --mock               (the specs against it)
// It is not a substitute for the real API: `pnpm test` always runs against packages/api.
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GraphQLError, buildSchema, graphql } from 'graphql';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = process.env.DASHBOARD_DIST ?? path.resolve(here, '../dist');
const schema = buildSchema(
  readFileSync(path.resolve(here, '../schema.provisional.graphql'), 'utf8'),
);

const LOGINS = [
  {
    username: 'agent',
    password: 'agent-demo-2026',
    role: 'AGENT',
    displayName: '王客服 (demo agent)',
  },
  {
    username: 'supervisor',
    password: 'supervisor-demo-2026',
    role: 'SUPERVISOR',
    displayName: '李主管 (demo supervisor)',
  },
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟'];
const money = (fen) => ({ amount: (fen / 100).toFixed(2), currency: 'CNY' });
const gid = (type, id) => Buffer.from(`${type}:${id}`).toString('base64');
const day = (n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

let seq = 0;
const customers = [];
for (let i = 1; i <= 40; i++) {
  const frozen = i % 7 === 3;
  const base = 300_000 + ((i * 7919) % 20) * 100_000;
  const decisions = [
    {
      kind: 'INITIAL',
      before: 0,
      after: 200_000,
      statusBefore: 'ACTIVE',
      statusAfter: 'ACTIVE',
      at: day(i),
      reasons: [['NEW_CUSTOMER', '新客户的初始额度。', 'Initial limit for a new customer.']],
    },
    {
      kind: 'PERIODIC_REVIEW',
      before: 200_000,
      after: base,
      statusBefore: 'ACTIVE',
      statusAfter: 'ACTIVE',
      at: day(i + 90),
      reasons: [
        ['ON_TIME_REPAYMENT', '按时还款记录良好。', 'A good record of on-time repayments.'],
      ],
    },
  ];
  if (frozen)
    decisions.push({
      kind: 'FREEZE',
      before: base,
      after: base,
      statusBefore: 'ACTIVE',
      statusAfter: 'FROZEN',
      at: day(i + 200),
      reasons: [['OVERDUE_30', '逾期超过 30 天。', 'More than 30 days overdue.']],
    });
  customers.push({
    id: String(i),
    name:
      SURNAMES[i % SURNAMES.length] +
      GIVEN[i % GIVEN.length] +
      (i > 12 ? GIVEN[(i * 5) % GIVEN.length] : ''),
    phone: `138${String(10_000_000 + i * 7_777).slice(0, 8)}`,
    nationalId: `11010119${80 + (i % 20)}0101${String(1000 + i).slice(-4)}`,
    realNameVerified: i % 5 !== 0,
    incomeBand: ['LOW', 'MID', 'HIGH', 'VERY_HIGH'][i % 4],
    registeredAt: day(i),
    account: {
      id: String(i),
      accountNumber: `CL${String(i).padStart(10, '0')}`,
      status: frozen ? 'FROZEN' : 'ACTIVE',
      base,
      used: Math.min(base, ((i * 104_729) % base) + 50_000),
      decisions: decisions.map((d) => ({ ...d, id: String(++seq), by: 'system' })),
    },
    recovery: [],
    audit: [{ action: 'CUSTOMER_REGISTERED', actor: 'system', createdAt: day(i), details: null }],
  });
}
const recoveryRequests = [];

const toMoneyDecision = (d) => ({
  __typename: 'LimitDecision',
  id: gid('LimitDecision', d.id),
  kind: d.kind,
  baseLimitBefore: money(d.before),
  baseLimitAfter: money(d.after),
  statusBefore: d.statusBefore,
  statusAfter: d.statusAfter,
  score: 640,
  grade: 'B',
  decidedBy: d.by,
  note: d.note ?? null,
  createdAt: d.at,
  reasons: d.reasons.map(([code, zh]) => ({ code, text: zh })),
});
const connection = (items) => ({
  totalCount: items.length,
  pageInfo: {
    hasNextPage: false,
    hasPreviousPage: false,
    startCursor: items.length ? '0' : null,
    endCursor: items.length ? String(items.length - 1) : null,
  },
  edges: items.map((node, i) => ({ cursor: String(i), node })),
});

function viewRecovery(r) {
  const c = customers.find((x) => x.id === r.customerId);
  return {
    __typename: 'RecoveryRequest',
    id: gid('RecoveryRequest', r.id),
    type: r.type,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt,
    autoOutcome: r.autoOutcome,
    reasons: [{ code: 'SCORE_BORDERLINE', text: '信用分处于人工审核区间。' }],
    transitions: r.transitions,
    documents: r.documents,
    customer: () => viewCustomer(c),
  };
}

function viewAccount(c) {
  const a = c.account;
  const latest = a.decisions[a.decisions.length - 1];
  return {
    __typename: 'CreditAccount',
    id: gid('CreditAccount', a.id),
    accountNumber: a.accountNumber,
    status: a.status,
    baseLimit: money(a.base),
    usedAmount: money(a.used),
    availableLimit: money(a.status === 'ACTIVE' ? Math.max(a.base - a.used, 0) : 0),
    temporaryLimits:
      Number(a.id) % 4 === 0
        ? [{ amount: money(100_000), category: null, startsAt: day(150), endsAt: day(170) }]
        : [],
    categoryLimits:
      Number(a.id) % 3 === 0
        ? [{ category: '数码', limit: money(300_000), used: money(50_000) }]
        : [],
    score: 640,
    grade: 'B',
    latestDecision: toMoneyDecision(latest),
    decisions: () => connection([...a.decisions].reverse().map(toMoneyDecision)),
    explanation: ({ locale }) => ({
      headline:
        locale === 'EN'
          ? `The total limit is ¥${(a.base / 100).toFixed(0)} at grade B${a.status === 'FROZEN' ? '; the account is frozen' : ''}.`
          : `总额度为 ¥${(a.base / 100).toFixed(0)}，信用等级 B${a.status === 'FROZEN' ? '，账户已冻结' : ''}。`,
      reasons: latest.reasons
        .map(([code, zh, en]) => ({ code, text: locale === 'EN' ? en : zh }))
        .concat([
          {
            code: 'UTILIZATION_HIGH',
            text:
              locale === 'EN'
                ? 'High use of the limit in the last 3 months.'
                : '近 3 个月额度使用率偏高。',
          },
        ]),
      improvements: [
        {
          feature: 'utilization',
          text: locale === 'EN' ? 'Keep the limit use under 50%.' : '将额度使用率保持在 50% 以下。',
          limitEffect: money(200_000),
        },
        {
          feature: 'on_time',
          text: locale === 'EN' ? 'Repay on time for 6 more months.' : '再按时还款 6 个月。',
          limitEffect: null,
        },
      ],
      decision: toMoneyDecision(latest),
    }),
    notices: () =>
      connection([
        {
          __typename: 'Notice',
          id: gid('Notice', a.id + '1'),
          kind: 'LIMIT_USE_HIGH',
          channel: 'IN_APP',
          createdAt: day(120),
          sentAt: day(120),
          readAt: day(121),
          acknowledgedAt: null,
        },
      ]),
    installmentPlans: () =>
      connection([
        {
          __typename: 'InstallmentPlan',
          id: gid('InstallmentPlan', a.id),
          term: 'MONTHS_3',
          principal: money(90_000),
          totalFee: money(2_430),
          aprPercent: '10.72',
          status: 'ACTIVE',
          createdAt: day(100),
          schedule: [1, 2, 3].map((s) => ({
            seq: s,
            dueDate: day(100 + 30 * s).slice(0, 10),
            principal: money(30_000),
            fee: money(810),
            lateFee: money(0),
            paid: money(s === 1 ? 30_810 : 0),
            status: s === 1 ? 'PAID' : s === 2 ? 'DUE' : 'SCHEDULED',
            daysPastDue: 0,
          })),
        },
      ]),
    repayments: () =>
      connection([
        {
          __typename: 'Repayment',
          id: gid('Repayment', a.id),
          amount: money(30_810),
          receivedAt: day(129),
        },
      ]),
    overdue: {
      isOverdue: a.status === 'FROZEN',
      daysPastDue: a.status === 'FROZEN' ? 35 : 0,
      overdueAmount: money(a.status === 'FROZEN' ? 30_810 : 0),
      bucket: a.status === 'FROZEN' ? 'M2' : null,
    },
  };
}

function viewCustomer(c) {
  return {
    __typename: 'Customer',
    id: gid('Customer', c.id),
    name: c.name,
    maskedPhone: `${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`,
    maskedNationalId: `${c.nationalId.slice(0, 6)}********${c.nationalId.slice(-4)}`,
    realNameVerified: c.realNameVerified,
    phoneBound: true,
    bankCardBound: true,
    incomeBand: c.incomeBand,
    registeredAt: c.registeredAt,
    account: viewAccount(c),
    recoveryRequests: () =>
      connection(
        recoveryRequests
          .filter((r) => r.customerId === c.id)
          .reverse()
          .map(viewRecovery),
      ),
    auditTrail: () => connection([...c.audit].reverse()),
  };
}

function fromGid(id, type) {
  const [t, local] = Buffer.from(id, 'base64').toString().split(':');
  return t === type ? local : null;
}
const customerOf = (id) => customers.find((c) => c.id === fromGid(id, 'Customer'));

function rootValue(agent) {
  const needAgent = () => {
    if (!agent)
      throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
  };
  const needSupervisor = () => {
    needAgent();
    if (agent.role !== 'SUPERVISOR')
      throw new GraphQLError('Supervisors only.', { extensions: { code: 'FORBIDDEN' } });
  };
  const decide =
    (approve) =>
    ({ input }) => {
      needSupervisor();
      const r = recoveryRequests.find((x) => x.id === fromGid(input.requestId, 'RecoveryRequest'));
      if (!r) throw new GraphQLError('Not found.', { extensions: { code: 'NOT_FOUND' } });
      const now = new Date().toISOString();
      const to = approve ? 'APPROVED' : 'REJECTED';
      r.transitions.push({
        fromStatus: r.status,
        toStatus: to,
        actor: agent.username,
        reason: input.reason,
        createdAt: now,
      });
      r.status = to;
      const c = customers.find((x) => x.id === r.customerId);
      c.audit.push({
        action: approve ? 'RECOVERY_APPROVED' : 'RECOVERY_REJECTED',
        actor: agent.username,
        createdAt: now,
        details: input.reason,
      });
      if (approve) {
        const a = c.account;
        const after = r.type === 'UNFREEZE' ? a.base : a.base + 100_000;
        a.decisions.push({
          id: String(++seq),
          kind: 'RECOVERY',
          before: a.base,
          after,
          statusBefore: a.status,
          statusAfter: 'ACTIVE',
          at: now,
          by: agent.username,
          reasons: [
            ['RECOVERY_APPROVED', '额度恢复申请已通过。', 'The recovery request was approved.'],
          ],
        });
        a.base = after;
        a.status = 'ACTIVE';
      }
      return { recoveryRequest: viewRecovery(r), userErrors: [] };
    };
  return {
    me: () => (agent ? { id: gid('Agent', agent.username), ...agent } : null),
    demoLogins: () => LOGINS.map(({ username, password, role }) => ({ username, password, role })),
    node: ({ id }) => {
      needAgent();
      const [type, local] = Buffer.from(id, 'base64').toString().split(':');
      if (type === 'Customer') return viewCustomer(customers.find((c) => c.id === local));
      if (type === 'RecoveryRequest') {
        const r = recoveryRequests.find((x) => x.id === local);
        return r ? viewRecovery(r) : null;
      }
      return null;
    },
    customer: ({ id }) => {
      needAgent();
      const c = customerOf(id);
      return c ? viewCustomer(c) : null;
    },
    customers: ({ search, first }) => {
      needAgent();
      const s = search.trim();
      const hits = customers.filter(
        (c) =>
          c.name.startsWith(s) ||
          c.phone === s ||
          c.nationalId === s ||
          c.account.accountNumber === s.toUpperCase(),
      );
      return connection(hits.slice(0, first).map(viewCustomer));
    },
    recoveryQueue: ({ first }) => {
      needSupervisor();
      return connection(
        recoveryRequests
          .filter((r) => r.status === 'UNDER_REVIEW')
          .slice(0, first)
          .map(viewRecovery),
      );
    },
    purchaseReviewQueue: () => {
      needSupervisor();
      return connection([
        {
          __typename: 'Purchase',
          id: gid('Purchase', '1'),
          amount: money(1_280_000),
          category: '数码',
          merchant: '京东自营',
          status: 'PENDING_REVIEW',
          createdAt: day(300),
          customer: () => viewCustomer(customers[4]),
        },
      ]);
    },
    signIn: ({ input }) => {
      const l = LOGINS.find((x) => x.username === input.username && x.password === input.password);
      if (!l)
        throw new GraphQLError('Invalid username or password.', {
          extensions: { code: 'UNAUTHENTICATED' },
        });
      return {
        token: `mock.${l.username}`,
        agent: { id: gid('Agent', l.username), ...l },
        userErrors: [],
      };
    },
    revealCustomerPii: ({ input }) => {
      needSupervisor();
      const c = customerOf(input.customerId);
      c.audit.push({
        action: 'PII_REVEALED',
        actor: agent.username,
        createdAt: new Date().toISOString(),
        details: input.reason,
      });
      return { phone: c.phone, nationalId: c.nationalId, userErrors: [] };
    },
    fileRecoveryRequest: ({ input }) => {
      needAgent();
      const c = customerOf(input.customerId);
      if (!c) throw new GraphQLError('Not found.', { extensions: { code: 'NOT_FOUND' } });
      if (
        recoveryRequests.some(
          (r) =>
            r.customerId === c.id &&
            ['SUBMITTED', 'UNDER_REVIEW', 'NEEDS_DOCUMENTS'].includes(r.status),
        )
      )
        return {
          recoveryRequest: null,
          userErrors: [
            { code: 'OPEN_REQUEST_EXISTS', field: null, message: 'An open request exists.' },
          ],
        };
      const now = new Date().toISOString();
      const r = {
        id: String(++seq),
        customerId: c.id,
        type: input.type,
        reason: input.reason,
        createdAt: now,
        status: 'UNDER_REVIEW',
        autoOutcome: 'ROUTE_TO_SUPERVISOR',
        documents: input.documents ?? [],
        transitions: [
          {
            fromStatus: null,
            toStatus: 'SUBMITTED',
            actor: agent.username,
            reason: input.reason,
            createdAt: now,
          },
          {
            fromStatus: 'SUBMITTED',
            toStatus: 'UNDER_REVIEW',
            actor: 'system',
            reason: '信用分处于人工审核区间，转主管审核。',
            createdAt: now,
          },
        ],
      };
      recoveryRequests.push(r);
      c.audit.push({
        action: 'RECOVERY_FILED',
        actor: agent.username,
        createdAt: now,
        details: input.type,
      });
      return { recoveryRequest: viewRecovery(r), userErrors: [] };
    },
    approveRecoveryRequest: decide(true),
    rejectRecoveryRequest: decide(false),
  };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return res.writeHead(200).end('ok');
  if (url.pathname === '/graphql' && req.method === 'POST') {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { query, variables } = JSON.parse(body);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const agent = LOGINS.find((l) => token === `mock.${l.username}`) ?? null;
    const delay = Number(process.env.MOCK_DELAY_MS ?? 60);
    await new Promise((r) => setTimeout(r, delay));
    const result = await graphql({
      schema,
      source: query,
      variableValues: variables,
      rootValue: rootValue(agent),
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify(result));
  }
  const wanted = path.join(dist, decodeURIComponent(url.pathname));
  const file =
    wanted.startsWith(dist) && existsSync(wanted) && statSync(wanted).isFile()
      ? wanted
      : path.join(dist, 'index.html');
  if (!existsSync(file)) return res.writeHead(404).end('build the dashboard first');
  res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
const port = Number(process.env.PORT ?? 5181);
server.listen(port, '127.0.0.1', () =>
  process.stdout.write(`contract mock on http://127.0.0.1:${server.address().port}\n`),
);
