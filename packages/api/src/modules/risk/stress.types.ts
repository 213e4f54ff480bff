import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { Money, money } from '../../graphql/money.js';
import { toGlobalId } from '../../graphql/relay.js';
import type { StressCell } from '../decisions/scoring-adapter.js';
import type { StoredStressTest } from './stress.service.js';
import { StressScenarioKindEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

@InputType({
  description:
    'One cell of a grade-migration matrix: the probability of moving from one grade to another.',
})
export class GradeMigrationInput {
  @Field(() => String, { description: 'The grade customers move from (A to E).' }) from!: string;
  @Field(() => String, { description: 'The grade they move to (A to E).' }) to!: string;
  @Field(() => Float, { description: 'The share that moves, 0 to 1.' }) probability!: number;
}

@InputType({
  description:
    'Give exactly one: a PD multiplier (e.g. 1.5, 2) or a grade-migration matrix (each row sums to 1).',
})
export class RunStressTestInput {
  @Field(() => Float, {
    description: 'Multiply every probability of default by this (give this or migration).',
    nullable: true,
  })
  pdMultiplier?: number | null;
  @Field(() => [GradeMigrationInput], {
    description: 'Move customers between grades (give this or pdMultiplier).',
    nullable: true,
  })
  migration?: GradeMigrationInput[] | null;
}

@ObjectType({
  description:
    'Exposure, expected loss and the limits a review under the shock would cut, for one grade, segment or the whole book.',
})
export class StressCellNode {
  @Field(() => String, { description: 'Grade (A–E), income band, or TOTAL.' }) key!: string;
  @Field(() => Int, { description: 'Accounts in the cell.' }) accounts!: number;
  @Field(() => Money, { description: 'Sum of base limits.' }) exposure!: Money;
  @Field(() => Money, { description: 'Σ limit × PD × LGD before the shock.' }) expectedLoss!: Money;
  @Field(() => Money, { description: 'Expected loss under the scenario.' })
  stressedExpectedLoss!: Money;
  @Field(() => Int, {
    description:
      'Accounts a periodic review under the shock would cut beyond the unshocked review.',
  })
  limitsCut!: number;
  @Field(() => Money, { description: 'Limit cut that would cover the extra loss.' }) cut!: Money;
}

@ObjectType({ description: 'A stored portfolio stress test (risk admins).' })
export class StressTestRunNode {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => StressScenarioKindEnum, { description: 'PD_MULTIPLIER or GRADE_MIGRATION.' })
  scenarioKind!: string;
  @Field(() => Float, { description: 'The multiplier, for PD_MULTIPLIER.', nullable: true })
  pdMultiplier?: number | null;
  @Field(() => String, { description: 'The scoring model used.' }) modelVersion!: string;
  @Field(() => String, { description: 'The policy version used.' }) policyVersion!: string;
  @Field(() => Int, { description: 'Loss given default, in basis points.' })
  lossGivenDefaultBp!: number;
  @Field(() => StressCellNode, { description: 'The whole portfolio.' }) total!: StressCellNode;
  @Field(() => [StressCellNode], { description: 'Each grade.' }) byGrade!: StressCellNode[];
  @Field(() => [StressCellNode], { description: 'By income band.' }) bySegment!: StressCellNode[];
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the stressed loss breaks the policy's risk budget (null: no expected-loss cap).",
  })
  budgetBreached?: boolean | null;
}

@ObjectType({
  description:
    'The result of `runStressTest`: what changed, or the userErrors saying why nothing did.',
})
export class RunStressTestPayload extends Payload('RunStressTest') {
  @Field(() => StressTestRunNode, {
    description: 'The stress test run; null when there are userErrors.',
    nullable: true,
  })
  stressTest?: StressTestRunNode | null;
}

const cell = (key: string, c: StressCell): StressCellNode =>
  Object.assign(new StressCellNode(), {
    key,
    accounts: c.accounts,
    exposure: money(c.exposureFen),
    expectedLoss: money(c.expectedLossFen),
    stressedExpectedLoss: money(c.stressedExpectedLossFen),
    limitsCut: c.limitsCut,
    cut: money(c.cutFen),
  });

export function stressTestNode(s: StoredStressTest): StressTestRunNode {
  const r = s.result;
  return Object.assign(new StressTestRunNode(), {
    id: toGlobalId('StressTestRun', s.id),
    createdAt: s.createdAt,
    scenarioKind: s.scenario.kind,
    pdMultiplier: s.scenario.kind === 'PD_MULTIPLIER' ? s.scenario.multiplier : null,
    modelVersion: s.modelVersion,
    policyVersion: s.policyVersion,
    lossGivenDefaultBp: r.lossGivenDefaultBp,
    total: cell('TOTAL', r.total),
    byGrade: Object.entries(r.byGrade).map(([k, c]) => cell(k, c)),
    bySegment: Object.entries(r.bySegment)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, c]) => cell(k, c)),
    budgetBreached:
      r.budget &&
      (r.budget.maxExpectedLossFen !== undefined || Object.keys(r.budget.byGrade).length)
        ? r.budget.breached
        : null,
  });
}
