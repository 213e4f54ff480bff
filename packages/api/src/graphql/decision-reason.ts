import { Field, ObjectType } from 'type-graphql';

/**
 * A reason code with its text, shared by limit decisions and recovery requests (one GraphQL
 * type: feature modules import this class rather than declaring their own `DecisionReason`).
 */
@ObjectType('DecisionReason', { description: 'A reason code and what it means.' })
export class DecisionReason {
  @Field(() => String, { description: 'Stable reason code, e.g. POLICY_RISK_BUDGET.' })
  code!: string;
  @Field(() => String, { description: 'The reason in words, in the asked language.' })
  text!: string;
}
