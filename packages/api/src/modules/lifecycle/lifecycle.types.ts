import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money } from '../../graphql/money.js';
import { Node } from '../../graphql/relay.js';
import { UserError } from '../../graphql/errors.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { LimitDecisionNode } from '../decisions/decision.types.js';

export enum RiskAlertCodeEnum {
  RISK_ALERT_FRAUD_SUSPECTED = 'RISK_ALERT_FRAUD_SUSPECTED',
  RISK_ALERT_ACCOUNT_TAKEOVER = 'RISK_ALERT_ACCOUNT_TAKEOVER',
  RISK_ALERT_IDENTITY_MISMATCH = 'RISK_ALERT_IDENTITY_MISMATCH',
  RISK_ALERT_BUREAU_DEFAULT = 'RISK_ALERT_BUREAU_DEFAULT',
}
registerEnumType(RiskAlertCodeEnum, {
  name: 'RiskAlertCode',
  description: 'Why a risk alert froze an account.',
});

@ObjectType('CreditApplication', {
  implements: Node,
  description:
    'An application for a credit line: APPROVED (an account was opened at the initial limit) or DECLINED, with its reasons. Never overwritten.',
})
export class CreditApplicationNode extends Node {
  @Field(() => String, { description: 'APPROVED or DECLINED.' }) status!: string;
  @Field(() => Money, { description: 'The initial limit given (0 when declined).' })
  initialLimit!: Money;
  @Field(() => Int, { nullable: true, description: 'The score (staff only).' })
  score?: number | null;
  @Field(() => String, { nullable: true, description: 'The grade (staff only).' })
  grade?: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => [DecisionReason], {
    description:
      'Why: the policy reasons (decline rules, or approval and initial-limit reasons), then the scorecard reasons, in Chinese (`reasonsEn` in English).',
  })
  reasons!: DecisionReason[];
  @Field(() => [DecisionReason], { description: 'The reasons in English.' })
  reasonsEn!: DecisionReason[];
  codes!: string[];
  /** Whose application it is (a partner reaches it only through this customer's link). */
  customerLocalId!: string;
  /** Who filed it: a partner app sees only its own applications. */
  actorType!: string;
  actorId!: string | null;
}

@InputType()
export class ApplyForCreditInput {
  @Field(() => ID) customerId!: string;
  @Field(() => String, { description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;
}
@ObjectType({
  description:
    'The application and, when approved, the account. A partner app reads the account like any other (its scopes and the link decide which fields); the INITIAL decision is for staff.',
})
export class ApplyForCreditPayload {
  @Field(() => CreditApplicationNode, { nullable: true })
  application?: CreditApplicationNode | null;
  @Field(() => CreditAccountNode, { nullable: true, description: 'The account when approved.' })
  account?: CreditAccountNode | null;
  @Field(() => LimitDecisionNode, { nullable: true, description: 'The INITIAL decision.' })
  decision?: LimitDecisionNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@InputType()
export class RiskAlertFreezeInput {
  @Field(() => ID) accountId!: string;
  @Field(() => RiskAlertCodeEnum) reasonCode!: RiskAlertCodeEnum;
  @Field(() => String, { description: 'What was seen (1–500 characters, audited).' })
  note!: string;
}
@InputType()
export class ClearRiskAlertInput {
  @Field(() => ID) accountId!: string;
  @Field(() => String, { description: 'What the check found (1–500 characters, audited).' })
  note!: string;
}

@InputType()
export class RecordBureauReportInput {
  @Field(() => ID) customerId!: string;
  @Field(() => GraphQLDateTime) reportedAt!: Date;
  @Field(() => Int, { description: '300–950.' }) bureauScore!: number;
  @Field(() => Int, { description: 'Credit inquiries in the last 3 months.' }) inquiries3m!: number;
  @Field(() => Int, { description: 'In the last 6 months (at least inquiries3m).' })
  inquiries6m!: number;
  @Field(() => String, { description: 'Debt elsewhere in yuan, e.g. "12000.00".' })
  otherDebt!: string;
  @Field(() => Int) pastDefaults!: number;
}
@ObjectType()
export class RecordBureauReportPayload {
  @Field(() => ID, { nullable: true }) reportId?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The trigger when the report called for a review: POLICY_INQUIRY_SPIKE or POLICY_NEW_DEFAULT.',
  })
  trigger?: string | null;
  @Field(() => LimitDecisionNode, { nullable: true, description: 'The triggered review.' })
  decision?: LimitDecisionNode | null;
  @Field(() => Boolean, { description: 'Whether a risk-alert rule froze the account.' })
  frozen!: boolean;
  @Field(() => CreditAccountNode, { nullable: true }) account?: CreditAccountNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}
