import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Money } from '../../graphql/money.js';
import { Node } from '../../graphql/relay.js';
import { ACCOUNT_STATUSES, type AccountStatus, type CreditAccount } from './credit-account.entity.js';

export enum AccountStatusEnum {
  ACTIVE = 'ACTIVE',
  FROZEN = 'FROZEN',
  CLOSED = 'CLOSED',
}
registerEnumType(AccountStatusEnum, { name: 'AccountStatus', description: 'ACTIVE: usable; FROZEN: no purchases until unfrozen; CLOSED.' });
void ACCOUNT_STATUSES;

/** The GraphQL view of a credit account. Resolvers in account.resolver.ts add the computed fields. */
@ObjectType('CreditAccount', { implements: Node, description: 'A customer\'s credit line (白条): limits, use and history.' })
export class CreditAccountNode extends Node {
  /** The entity behind the view, for field resolvers. Not exposed. */
  entity!: CreditAccount;
  @Field(() => String, { description: 'Account number, CL + 10 digits.' }) accountNumber!: string;
  @Field(() => AccountStatusEnum) status!: AccountStatus;
  @Field(() => Money, { description: '总额度: the base limit.' }) baseLimit!: Money;
  @Field(() => Money, { description: '已用额度: outstanding principal plus live holds.' }) usedAmount!: Money;
}

export { ID };
