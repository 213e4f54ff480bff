import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MaxLength, MinLength } from 'class-validator';
import { Money } from '../../graphql/money.js';
import { UserError } from '../../graphql/errors.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { RepaymentNode } from '../repayments/repayment.types.js';

@InputType({ description: 'Money received through another channel (bank transfer, counter).' })
export class PostExternalRepaymentInput {
  @Field(() => ID, { nullable: true }) customerId?: string | null;
  @Field(() => ID, { nullable: true }) accountId?: string | null;
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
  @Field(() => String) idempotencyKey!: string;
}

@InputType({ description: 'Waive (part of) the unpaid fee or late fee of one period.' })
export class WaiveFeeInput {
  @Field(() => ID) planId!: string;
  @Field(() => Int, { description: 'The period (1 = first).' }) seq!: number;
  @Field(() => String, { description: 'FEE or LATE_FEE.' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'Yuan; all that is unpaid when omitted.' })
  amount?: string | null;
  @Field(() => String) @MinLength(1) @MaxLength(2000) reason!: string;
  @Field(() => String) idempotencyKey!: string;
}

@ObjectType()
export class WaiveFeePayload {
  @Field(() => Money, { nullable: true }) waived?: Money | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType({ description: 'Write off the balance of a delinquent account.' })
export class WriteOffBalanceInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String) @MinLength(1) @MaxLength(2000) reason!: string;
  @Field(() => String) idempotencyKey!: string;
}

@ObjectType()
export class WriteOffBalancePayload {
  @Field(() => CreditAccountNode, { nullable: true }) account?: CreditAccountNode | null;
  @Field(() => Money, { nullable: true }) principal?: Money | null;
  @Field(() => Money, { nullable: true }) fee?: Money | null;
  @Field(() => Money, { nullable: true }) lateFee?: Money | null;
  @Field(() => Money, {
    nullable: true,
    description:
      'What the revolving line owed (principal + interest + fees), written off with the rest; 0 without a revolving line.',
  })
  revolving?: Money | null;
  @Field(() => [UserError]) userErrors!: UserError[];
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
export class WaiveRevolvingChargePayload {
  @Field(() => Money, { nullable: true, description: 'The amount waived.' })
  waived?: Money | null;
  @Field(() => [UserError], { description: 'Why nothing was waived.' })
  userErrors!: UserError[];
}

@InputType({ description: "Pay (part of) the customer's credit back to the customer." })
export class PayOutCreditInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String, { description: 'Yuan as a decimal string, at most two decimals.' })
  amount!: string;
  @Field(() => String, { description: 'The outgoing payment reference.' })
  @MinLength(1)
  @MaxLength(128)
  reference!: string;
  @Field(() => String) @MinLength(1) @MaxLength(2000) reason!: string;
  @Field(() => String) idempotencyKey!: string;
}

@ObjectType()
export class CreditAccountPayload {
  @Field(() => CreditAccountNode, { nullable: true }) account?: CreditAccountNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

export { RepaymentNode };
