import { expect } from 'vitest';
import type { TestApi } from '../../../../test/harness.js';
import { partnerViewer } from '../../../../test/harness.js';
import { insertPartner } from '../../../../test/fixtures.js';
import { toGlobalId } from '../../../graphql/relay.js';
import { reconcile } from '../../ledger/reconcile.js';
import type { Viewer } from '../../auth/viewer.js';

export const AUTHORIZE = `mutation($input: AuthorizePurchaseInput!) {
  authorizePurchase(input: $input) { decision declineCode reasons replayed purchase { id status amount { amount } } userErrors { code field message } }
}`;
export const CAPTURE = `mutation($input: CapturePurchaseInput!) {
  capturePurchase(input: $input) { purchase { id status } userErrors { code field message } }
}`;
export const RELEASE = `mutation($input: ReleasePurchaseInput!) {
  releasePurchase(input: $input) { purchase { id status } userErrors { code field message } }
}`;
export const REPAY = `mutation($input: RecordRepaymentInput!) {
  recordRepayment(input: $input) { repayment { id amount { amount } principal { amount } fee { amount } lateFee { amount } unapplied { amount } } userErrors { code field message } }
}`;

const AUTHORIZE_OVER_HTTP = `mutation($input: AuthorizePurchaseInput!) { authorizePurchase(input: $input) { decision declineCode replayed purchase { id } userErrors { code } } }`;

/** authorizePurchase posted to one API process (`base`) with a partner's key; a GraphQL error throws. */
export async function authorizeOverHttp(
  base: string,
  apiKey: string,
  input: Record<string, unknown>,
) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: AUTHORIZE_OVER_HTTP, variables: { input } }),
  });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.authorizePurchase as {
    decision: string;
    declineCode: string | null;
    replayed: boolean;
    purchase: { id: string };
  };
}

/** A partner app row (purchases reference it) and its viewer. */
export async function partner(api: TestApi): Promise<Viewer> {
  const p = await insertPartner(api, [
    'limits:read',
    'quotes:read',
    'purchases:write',
    'repayments:write',
  ]);
  return partnerViewer(p.id);
}

let keys = 0;
export const key = (prefix = 'k') => `${prefix}-${Date.now().toString(36)}-${++keys}`;

export async function authorize(
  api: TestApi,
  viewer: Viewer,
  accountId: string,
  amount: string,
  extra: Record<string, unknown> = {},
) {
  const res = await api.exec<any>(viewer, AUTHORIZE, {
    input: {
      accountId: toGlobalId('CreditAccount', accountId),
      amount,
      category: 'DIGITAL',
      merchant: 'JD test',
      idempotencyKey: key(),
      ...extra,
    },
  });
  expect(res.errors).toBeUndefined();
  return res.data!.authorizePurchase;
}

export async function account(api: TestApi, id: string) {
  const [a] = await api.sql<any>(
    `select status, base_limit_fen::int as base, held_fen::int as held, outstanding_principal_fen::int as outstanding, used_fen::int as used from credit_accounts where id = ?`,
    [id],
  );
  return a as { status: string; base: number; held: number; outstanding: number; used: number };
}

export async function expectReconciled(api: TestApi) {
  const r = await reconcile(api.orm.em.fork());
  expect(r.mismatches).toEqual([]);
}
