import type { AgentRole } from '../agents/agent.entity.js';

/**
 * The demo population's staff logins (development only: shown on the sign-in page and printed
 * at start). Fixed, so that documentation and browser tests can name them.
 */
export const DEMO_LOGINS: {
  username: string;
  password: string;
  role: AgentRole;
  displayName: string;
}[] = [
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
  {
    username: 'risk',
    password: 'risk-demo-2026',
    role: 'RISK_ADMIN',
    displayName: '赵风控 (demo risk admin)',
  },
];

/** The demo partner app's API key (`X-Api-Key: <keyId>.<secret>`). */
export const DEMO_PARTNER = {
  name: 'Demo checkout',
  keyId: 'pk_demo_checkout',
  secret: 'sk_demo_checkout_2026_not_for_production',
  scopes: ['limits:read', 'quotes:read', 'purchases:write', 'repayments:write', 'webhooks:manage'],
};

/**
 * Which demo customers linked the demo partner (授权): those whose id is not a multiple of 3.
 * Customers 1, 2, 4, 5 … are linked; 3, 6, 9 … are not, and the demo partner sees them as
 * missing. A condition on `id` (SQL), so the seed and the demo purchases agree.
 */
export const DEMO_PARTNER_LINKED_SQL = 'id % 3 <> 0';
