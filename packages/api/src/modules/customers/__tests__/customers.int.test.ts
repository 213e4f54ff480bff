import { describe, expect, it } from 'vitest';
import { agentViewer, anonymous, partnerViewer, useTestApi } from '../../../../test/harness.js';
import { insertCustomer } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { CustomerService } from '../customer.service.js';

const api = useTestApi();

const SEARCH = `query($s: String!, $first: Int!, $after: String) {
  customers(search: $s, first: $first, after: $after) {
    edges { cursor node { id name maskedPhone maskedNationalId account { accountNumber status baseLimit { amount currency } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('customer lookup', () => {
  it('finds a customer by phone and by national ID through the blind index, masked', async () => {
    const c = await insertCustomer(api, { name: '张三丰', baseLimitFen: 1_234_567 });
    for (const s of [c.phone, `+86 ${c.phone}`, c.nationalId.toLowerCase(), c.accountNumber]) {
      const res = await api.exec(agentViewer(), SEARCH, { s, first: 10 });
      expect(res.errors).toBeUndefined();
      const edges = (res.data as any).customers.edges;
      expect(edges).toHaveLength(1);
      expect(edges[0].node.name).toBe('张三丰');
      expect(edges[0].node.maskedPhone).toBe(`${c.phone.slice(0, 3)}****${c.phone.slice(-4)}`);
      expect(edges[0].node.maskedNationalId).not.toContain(c.nationalId.slice(6, 14));
      expect(edges[0].node.account.baseLimit).toEqual({ amount: '12345.67', currency: 'CNY' });
    }
    const [row] = await api.sql<{ phone_enc: Buffer }>(
      'select phone_enc from customers where id = ?',
      [c.customerId],
    );
    expect(row!.phone_enc.toString('latin1')).not.toContain(c.phone);
  });

  it('pages through name matches with cursors', async () => {
    for (let i = 0; i < 5; i++) await insertCustomer(api, { name: `欧阳页${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await api.exec(agentViewer(), SEARCH, { s: '欧阳页', first: 2, after });
      const conn: any = res.data.customers;
      seen.push(...conn.edges.map((e: any) => e.node.name));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(['欧阳页0', '欧阳页1', '欧阳页2', '欧阳页3', '欧阳页4']);
  });

  it('counts every match (not the page), finds by the last four digits of a phone and by the start of an account number', async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await insertCustomer(api, { name: `司马数${i}` }));
    const COUNTED = `query($s: String!, $first: Int!, $after: String) {
      customers(search: $s, first: $first, after: $after) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } }
    }`;
    const page1: any = await api.exec(agentViewer(), COUNTED, { s: '司马数', first: 2 });
    expect(page1.data.customers.totalCount).toBe(5);
    expect(page1.data.customers.edges).toHaveLength(2);
    const page2: any = await api.exec(agentViewer(), COUNTED, {
      s: '司马数',
      first: 2,
      after: page1.data.customers.pageInfo.endCursor,
    });
    expect(page2.data.customers.totalCount).toBe(5);

    const c = made[3]!;
    const last4: any = await api.exec(agentViewer(), COUNTED, { s: c.phone.slice(-4), first: 50 });
    expect(last4.errors).toBeUndefined();
    expect(last4.data.customers.edges.map((e: any) => e.node.name)).toContain('司马数3');
    // the clear digits are in no index: the column holds a keyed hash
    const [row] = await api.sql<{ h: Buffer }>(
      'select phone_last4_hash as h from customers where id = ?',
      [c.customerId],
    );
    expect(row!.h.length).toBe(32);
    expect(row!.h.toString('latin1')).not.toContain(c.phone.slice(-4));

    const prefix = c.accountNumber.slice(0, 10);
    const byPrefix: any = await api.exec(agentViewer(), COUNTED, {
      s: prefix.toLowerCase(),
      first: 50,
    });
    expect(byPrefix.errors).toBeUndefined();
    expect(byPrefix.data.customers.edges.map((e: any) => e.node.name)).toContain('司马数3');
    const [n] = await api.sql<{ n: number }>(
      `select count(*)::int as n from credit_accounts where account_number like ?`,
      [`${prefix}%`],
    );
    expect(byPrefix.data.customers.totalCount).toBe(n!.n);
  });

  it('fills the last-four index of customers from before it existed; a phone that does not decrypt is counted, not fatal', async () => {
    const c = await insertCustomer(api, { name: '旧客户' });
    const damaged = await insertCustomer(api, { name: '损坏' });
    await api.sql('update customers set phone_last4_hash = null where id = ?', [c.customerId]);
    await api.sql(
      `update customers set phone_last4_hash = null, phone_enc = '\\x00' where id = ?`,
      [damaged.customerId],
    );
    const svc = new CustomerService(api.config);
    const r = await svc.backfillPhoneLast4(api.orm.em.fork());
    expect(r.filled).toBeGreaterThanOrEqual(1);
    expect(r.unreadable).toBe(1);
    const res: any = await api.exec(agentViewer(), SEARCH, { s: c.phone.slice(-4), first: 100 });
    expect(res.data.customers.edges.map((e: any) => e.node.name)).toContain('旧客户');
  });

  it('refuses bad paging and bad ids with BAD_USER_INPUT', async () => {
    for (const vars of [
      { s: 'x', first: 0 },
      { s: 'x', first: 101 },
      { s: 'x' },
      { s: 'x', first: 5, after: 'garbage!' },
      { s: '', first: 5 },
      { s: 'x'.repeat(101), first: 5 },
    ]) {
      const res = await api.exec(agentViewer(), SEARCH, vars);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).not.toMatch(/stack|at .*\.ts/);
    }
    for (const id of ['nope', toGlobalId('Agent', 1), '']) {
      const res = await api.exec(agentViewer(), `query($id: ID!) { customer(id: $id) { id } }`, {
        id,
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('gives partners the account but never personal data; anonymous callers nothing', async () => {
    const c = await insertCustomer(api);
    const id = toGlobalId('Customer', c.customerId);
    const ok = await api.exec(
      partnerViewer(),
      `query($id: ID!) { customer(id: $id) { id realNameVerified account { accountNumber } } }`,
      { id },
    );
    expect(ok.errors).toBeUndefined();
    expect((ok.data as any).customer.account.accountNumber).toBe(c.accountNumber);
    for (const field of ['name', 'maskedPhone', 'maskedNationalId']) {
      const res = await api.exec(
        partnerViewer(),
        `query($id: ID!) { customer(id: $id) { ${field} } }`,
        { id },
      );
      expect(res.errors?.[0]?.extensions?.code, field).toBe('FORBIDDEN');
    }
    const viaNode = await api.exec(
      partnerViewer(),
      `query($id: ID!) { node(id: $id) { ... on Customer { maskedPhone } } }`,
      { id },
    );
    expect(viaNode.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anon = await api.exec(anonymous, `query($id: ID!) { customer(id: $id) { id } }`, { id });
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const search = await api.exec(partnerViewer(), SEARCH, { s: c.phone, first: 1 });
    expect(search.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
