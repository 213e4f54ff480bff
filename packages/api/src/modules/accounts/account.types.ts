import { Authorized, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role, scope } from '../auth/viewer.js';
import { Money } from '../../graphql/money.js';
import { Node } from '../../graphql/relay.js';
import {
  ACCOUNT_STATUSES,
  type AccountStatus,
  type CreditAccount,
} from './credit-account.entity.js';

export enum AccountStatusEnum {
  ACTIVE = 'ACTIVE',
  FROZEN = 'FROZEN',
  CLOSED = 'CLOSED',
}
registerEnumType(AccountStatusEnum, {
  name: 'AccountStatus',
  description: 'ACTIVE: usable; FROZEN: no purchases until unfrozen; CLOSED.',
  valuesConfig: {
    ACTIVE: { description: 'Usable for purchases.' },
    FROZEN: { description: 'No purchases until unfrozen.' },
    CLOSED: { description: 'Closed; a new application reopens it.' },
  },
});
void ACCOUNT_STATUSES;

/** The GraphQL view of a credit account (staff, and partner apps with scope limits:read). Resolvers in account.resolver.ts add the computed fields. */
@ObjectType('CreditAccount', {
  implements: Node,
  description: "A customer's credit line (白条): limits, use and history.",
})
export class CreditAccountNode extends Node {
  /** The entity behind the view, for field resolvers. Not exposed. */
  entity!: CreditAccount;
  @Authorized(Role.AGENT, scope('limits:read'))
  @Field(() => String, { description: 'Account number, CL + 10 digits.' })
  accountNumber!: string;
  @Authorized(Role.AGENT, scope('limits:read'))
  @Field(() => AccountStatusEnum, { description: 'Whether the account can be used now.' })
  status!: AccountStatus;
  @Authorized(Role.AGENT, scope('limits:read'))
  @Field(() => Money, { description: '总额度: the base limit.' })
  baseLimit!: Money;
  @Authorized(Role.AGENT, scope('limits:read'))
  @Field(() => Money, { description: '已用额度: outstanding principal plus live holds.' })
  usedAmount!: Money;
  @Authorized(Role.AGENT, scope('limits:read'))
  @Field(() => Money, {
    description:
      'The part of usedAmount that is principal owed on installment plans (comes back as it is repaid).',
  })
  outstandingPrincipal!: Money;
  @Authorized(Role.AGENT, scope('limits:read'))
  @Field(() => Money, {
    description:
      'The part of usedAmount held for purchases not yet captured (comes back on release or expiry).',
  })
  heldAmount!: Money;
}

export { ID };
