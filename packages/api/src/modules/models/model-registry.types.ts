import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { UserError } from '../../graphql/errors.js';
import type {
  ModelEvent,
  RegisteredModel,
  ScoreSummary,
  ShadowResult,
} from './model-registry.service.js';

@ObjectType({ description: 'Accounts per grade under the policy’s cut-offs.' })
export class GradeCountNode {
  @Field(() => String) grade!: string;
  @Field(() => Int) accounts!: number;
}

@ObjectType({ description: 'A model’s scores on the portfolio.' })
export class ScoreSummaryNode {
  @Field(() => Float) mean!: number;
  @Field(() => [Float], { description: '10th … 90th percentiles of the score.' })
  deciles!: number[];
  @Field(() => [GradeCountNode]) grades!: GradeCountNode[];
}

@ObjectType({
  description:
    'A shadow run: the candidate model scored on every ACTIVE account next to the model that scored then (nothing written to accounts).',
})
export class ShadowRunNode {
  @Field(() => String, { description: 'The model the candidate was compared with.' })
  againstVersion!: string;
  @Field(() => Int) accounts!: number;
  @Field(() => GraphQLDateTime) asOf!: Date;
  @Field(() => ScoreSummaryNode) current!: ScoreSummaryNode;
  @Field(() => ScoreSummaryNode) candidate!: ScoreSummaryNode;
  @Field(() => Float, {
    description:
      'PSI of the candidate’s scores against the current model’s (< 0.1 stable, 0.1–0.25 watch, ≥ 0.25 shift).',
  })
  psi!: number;
  @Field(() => Int, { description: 'Accounts whose grade would change.' }) gradeChanges!: number;
}

@ObjectType({
  description: 'A scorecard registered by a risk admin, and where it is in its lifecycle.',
})
export class ScoringModelNode {
  @Field(() => String) version!: string;
  @Field(() => String, {
    description: 'REGISTERED, SHADOWED, ACTIVE (scores now), RETIRED or DISCARDED.',
  })
  status!: string;
  @Field(() => [String]) features!: string[];
  @Field(() => Float) trainingAuc!: number;
  @Field(() => GraphQLDateTime) registeredAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) activatedAt?: Date | null;
  @Field(() => ShadowRunNode, { nullable: true }) shadow?: ShadowRunNode | null;
}

@ObjectType({ description: 'One lifecycle decision, with the model and policy versions.' })
export class ScoringModelEventNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'REGISTER, SHADOW, PROMOTE, DISCARD or ROLLBACK.' })
  action!: string;
  @Field(() => String, { description: 'The model acted on (for ROLLBACK: the one restored).' })
  modelVersion!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'PROMOTE: the model replaced; ROLLBACK: the model rolled back; SHADOW: compared with.',
  })
  previousModelVersion?: string | null;
  @Field(() => String) policyVersion!: string;
  @Field(() => ID, { nullable: true }) agentId?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
}

@InputType()
export class RegisterScoringModelInput {
  @Field(() => String, {
    description: 'The model file’s JSON text (creditline-score train --out model.json).',
  })
  model!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ScoringModelVersionInput {
  @Field(() => String) version!: string;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class RollbackScoringModelInput {
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType()
export class ScoringModelPayload {
  @Field(() => ScoringModelNode, { nullable: true }) scoringModel?: ScoringModelNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class RollbackScoringModelPayload {
  @Field(() => String, { nullable: true }) rolledBack?: string | null;
  @Field(() => String, { nullable: true, description: 'The model that scores again.' })
  restored?: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

const summaryNode = (s: ScoreSummary): ScoreSummaryNode =>
  Object.assign(new ScoreSummaryNode(), {
    mean: s.mean,
    deciles: s.deciles,
    grades: Object.entries(s.grades).map(([grade, accounts]) =>
      Object.assign(new GradeCountNode(), { grade, accounts }),
    ),
  });

const shadowNode = (s: ShadowResult): ShadowRunNode =>
  Object.assign(new ShadowRunNode(), {
    ...s,
    asOf: new Date(s.asOf),
    current: summaryNode(s.current),
    candidate: summaryNode(s.candidate),
  });

export const scoringModelNode = (m: RegisteredModel): ScoringModelNode =>
  Object.assign(new ScoringModelNode(), { ...m, shadow: m.shadow ? shadowNode(m.shadow) : null });

export const scoringModelEventNode = (e: ModelEvent): ScoringModelEventNode =>
  Object.assign(new ScoringModelEventNode(), e);
