import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { Money } from '../../graphql/money.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { RepaymentNode } from '../repayments/repayment.types.js';
import { FeeKindEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';
import {
  IdempotencyKeyField,
  CustomerRefField,
  AccountRefField,
} from '../../graphql/input-fields.js';

@InputType({ description: 'Money received through another channel (bank transfer, counter).' })
export class PostExternalRepaymentInput {
  @CustomerRefField()
  customerId?: string | null;
  @AccountRefField()
  accountId?: string | null;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @Field(() => String, { description: 'Where it came in, e.g. BANK_TRANSFER, COUNTER.' })
  @MinLength(1)
  @MaxLength(40)
  channel!: string;
  @Field(() => String, { description: "The channel's reference: posting it twice is refused." })
  @MinLength(1)
  @MaxLength(128)
  reference!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@InputType({ description: 'Waive (part of) the unpaid fee or late fee of one period.' })
export class WaiveFeeInput {
  @Field(() => ID, { description: 'Global id of the installment plan.' }) planId!: string;
  @Field(() => Int, { description: 'The period (1 = first).' }) seq!: number;
  @Field(() => FeeKindEnum, { description: 'FEE or LATE_FEE.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Yuan; all that is unpaid when omitted.' })
  amount?: string | null;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' })
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@ObjectType({
  description: 'The result of `waiveFee`: what changed, or the userErrors saying why nothing did.',
})
export class WaiveFeePayload extends Payload('WaiveFee') {
  @Field(() => Money, {
    description: 'The amount waived; null when there are userErrors.',
    nullable: true,
  })
  waived?: Money | null;
}

@InputType({ description: 'Write off the balance of a delinquent account.' })
export class WriteOffBalanceInput {
  @Field(() => ID, { description: 'Global id of the credit account.' }) accountId!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' })
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@ObjectType({
  description:
    'The result of `writeOffBalance`: what changed, or the userErrors saying why nothing did.',
})
export class WriteOffBalancePayload extends Payload('WriteOffBalance') {
  @Field(() => CreditAccountNode, {
    description: 'The credit account after the change; null when there are userErrors.',
    nullable: true,
  })
  account?: CreditAccountNode | null;
  @Field(() => Money, {
    description: 'Principal written off; null when there are userErrors.',
    nullable: true,
  })
  principal?: Money | null;
  @Field(() => Money, {
    description: 'Fees written off; null when there are userErrors.',
    nullable: true,
  })
  fee?: Money | null;
  @Field(() => Money, {
    description: 'Late fees written off; null when there are userErrors.',
    nullable: true,
  })
  lateFee?: Money | null;
  @Field(() => Money, {
    nullable: true,
    description:
      'What the revolving line owed (principal + interest + fees), written off with the rest; 0 without a revolving line; null when there are userErrors.',
  })
  revolving?: Money | null;
}

export enum RevolvingChargeKind {
  INTEREST = 'INTEREST',
  FEE = 'FEE',
}
registerEnumType(RevolvingChargeKind, {
  name: 'RevolvingChargeKind',
  description: 'A charge on a revolving line that a supervisor can waive.',
  valuesConfig: {
    INTEREST: { description: 'Revolving interest on what was unpaid after the due date.' },
    FEE: {
      description: "The late fee for a statement's minimum payment not paid by the due date.",
    },
  },
});

@InputType({
  description:
    'Waive (part of) the revolving interest or late fee charged for one statement (its late fee, interest on its unpaid balance after its due date).',
})
export class WaiveRevolvingChargeInput {
  @Field(() => ID, { description: 'The revolving account.' }) accountId!: string;
  @Field(() => Int, { description: 'The statement (1 = the first).' }) statementSeq!: number;
  @Field(() => RevolvingChargeKind, { description: 'Interest or late fee.' })
  kind!: RevolvingChargeKind;
  @Field(() => String, {
    nullable: true,
    description: 'Yuan; all that is unpaid of that charge when omitted.',
  })
  amount?: string | null;
  @Field(() => String, { description: 'Why (audited).' })
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
  @Field(() => String, { description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;
}

@ObjectType({ description: 'The result of waiveRevolvingCharge.' })
export class WaiveRevolvingChargePayload extends Payload('WaiveRevolvingCharge') {
  @Field(() => Money, { nullable: true, description: 'The amount waived.' })
  waived?: Money | null;
}

@InputType({ description: "Pay (part of) the customer's credit back to the customer." })
export class PayOutCreditInput {
  @Field(() => ID, { description: 'Global id of the credit account.' }) accountId!: string;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @Field(() => String, { description: 'The outgoing payment reference.' })
  @MinLength(1)
  @MaxLength(128)
  reference!: string;
  @Field(() => String, { description: 'Why (required; kept in the audit log).' })
  @MinLength(1)
  @MaxLength(2000)
  reason!: string;
  @IdempotencyKeyField()
  idempotencyKey!: string;
}

@ObjectType({
  description:
    'The credit account after a staff money operation, or the userErrors saying why nothing changed.',
})
export class CreditAccountPayload extends Payload('CreditAccount') {
  @Field(() => CreditAccountNode, {
    description: 'The credit account after the change; null when there are userErrors.',
    nullable: true,
  })
  account?: CreditAccountNode | null;
}

export { RepaymentNode };
