import { money } from '../../graphql/money.js';
import { toGlobalId } from '../../graphql/relay.js';
import type { CreditAccount } from './credit-account.entity.js';
import { CreditAccountNode } from './account.types.js';

export function toAccountNode(a: CreditAccount): CreditAccountNode {
  return Object.assign(new CreditAccountNode(), {
    id: toGlobalId('CreditAccount', a.id),
    entity: a,
    accountNumber: a.accountNumber,
    status: a.status,
    baseLimit: money(a.baseLimitFen),
    usedAmount: money(a.outstandingPrincipalFen + a.heldFen),
    outstandingPrincipal: money(a.outstandingPrincipalFen),
    heldAmount: money(a.heldFen),
  });
}
