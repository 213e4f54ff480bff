import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money } from '../../graphql/money.js';
import { Node } from '../../graphql/relay.js';
import { DecisionReason } from '../../graphql/decision-reason.js';
import { CreditAccountNode } from '../accounts/account.types.js';
import { LimitDecisionNode } from '../decisions/decision.types.js';
import { ApplicationStatusEnum, GradeEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

export enum RiskAlertCodeEnum {
  RISK_ALERT_FRAUD_SUSPECTED = 'RISK_ALERT_FRAUD_SUSPECTED',
  RISK_ALERT_ACCOUNT_TAKEOVER = 'RISK_ALERT_ACCOUNT_TAKEOVER',
  RISK_ALERT_IDENTITY_MISMATCH = 'RISK_ALERT_IDENTITY_MISMATCH',
  RISK_ALERT_BUREAU_DEFAULT = 'RISK_ALERT_BUREAU_DEFAULT',
}
registerEnumType(RiskAlertCodeEnum, {
  name: 'RiskAlertCode',
  description: 'Why a risk alert froze an account.',
  valuesConfig: {
    RISK_ALERT_ACCOUNT_TAKEOVER: { description: 'The account may have been taken over.' },
    RISK_ALERT_BUREAU_DEFAULT: { description: 'The credit bureau reported a new default.' },
    RISK_ALERT_FRAUD_SUSPECTED: { description: 'Fraud is suspected.' },
    RISK_ALERT_IDENTITY_MISMATCH: { description: "The customer's identity does not match." },
  },
});

@ObjectType('CreditApplication', {
  implements: Node,
  description:
    'An application for a credit line: APPROVED (an account was opened at the initial limit) or DECLINED, with its reasons. Never overwritten.',
})
export class CreditApplicationNode extends Node {
  @Field(() => ApplicationStatusEnum, { description: 'APPROVED or DECLINED.' }) status!: string;
  @Field(() => Money, { description: 'The initial limit given (0 when declined).' })
  initialLimit!: Money;
  @Field(() => Int, { nullable: true, description: 'The score (staff only).' })
  score?: number | null;
  @Field(() => GradeEnum, { nullable: true, description: 'The grade (staff only).' })
  grade?: string | null;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
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

@InputType({ description: 'The input of `applyForCredit`.' })
export class ApplyForCreditInput {
  @Field(() => ID, { description: 'Global id of the customer.' }) customerId!: string;
  @Field(() => String, { description: 'A retry with the same key returns the first result.' })
  idempotencyKey!: string;
}
@ObjectType({
  description:
    'The application and, when approved, the account. A partner app reads the account like any other (its scopes and the link decide which fields); the INITIAL decision is for staff.',
})
export class ApplyForCreditPayload extends Payload('ApplyForCredit') {
  @Field(() => CreditApplicationNode, {
    description: 'The credit application created or changed; null when there are userErrors.',
    nullable: true,
  })
  application?: CreditApplicationNode | null;
  @Field(() => CreditAccountNode, { nullable: true, description: 'The account when approved.' })
  account?: CreditAccountNode | null;
  @Field(() => LimitDecisionNode, { nullable: true, description: 'The INITIAL decision.' })
  decision?: LimitDecisionNode | null;
}

@InputType({ description: 'The input of `freezeForRiskAlert`.' })
export class RiskAlertFreezeInput {
  @Field(() => ID, { description: 'Global id of the credit account.' }) accountId!: string;
  @Field(() => RiskAlertCodeEnum, { description: 'The risk alert behind the freeze.' })
  reasonCode!: RiskAlertCodeEnum;
  @Field(() => String, { description: 'What was seen (1–500 characters, audited).' })
  note!: string;
}
@InputType({ description: 'The input of `clearRiskAlert`.' })
export class ClearRiskAlertInput {
  @Field(() => ID, { description: 'Global id of the credit account.' }) accountId!: string;
  @Field(() => String, { description: 'What the check found (1–500 characters, audited).' })
  note!: string;
}

@InputType({ description: 'The input of `recordBureauReport`.' })
export class RecordBureauReportInput {
  @Field(() => ID, { description: 'Global id of the customer.' }) customerId!: string;
  @Field(() => GraphQLDateTime, { description: 'When the bureau produced the report.' })
  reportedAt!: Date;
  @Field(() => Int, { description: '300–950.' }) bureauScore!: number;
  @Field(() => Int, { description: 'Credit inquiries in the last 3 months.' }) inquiries3m!: number;
  @Field(() => Int, { description: 'In the last 6 months (at least inquiries3m).' })
  inquiries6m!: number;
  @Field(() => String, { description: 'Debt elsewhere in yuan, e.g. "12000.00".' })
  otherDebt!: string;
  @Field(() => Int, { description: 'Defaults on record at the bureau (0 or more).' })
  pastDefaults!: number;
}
@ObjectType({
  description:
    'The result of `recordBureauReport`: what changed, or the userErrors saying why nothing did.',
})
export class RecordBureauReportPayload extends Payload('RecordBureauReport') {
  @Field(() => ID, {
    description: 'Global id of the stored bureau report; null when there are userErrors.',
    nullable: true,
  })
  reportId?: string | null;
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
  @Field(() => CreditAccountNode, {
    description: 'The credit account after the change; null when there are userErrors.',
    nullable: true,
  })
  account?: CreditAccountNode | null;
}
