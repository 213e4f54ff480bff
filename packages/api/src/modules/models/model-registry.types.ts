import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import type {
  ModelEvent,
  RegisteredModel,
  ScoreSummary,
  ShadowResult,
} from './model-registry.service.js';
import { GradeEnum, ScoringModelStatusEnum } from '../../graphql/enums.js';
import { Payload } from '../../graphql/payload.js';

@ObjectType({ description: 'Accounts per grade under the policy’s cut-offs.' })
export class GradeCountNode {
  @Field(() => GradeEnum, { description: 'The grade.' }) grade!: string;
  @Field(() => Int, { description: 'How many accounts have it.' }) accounts!: number;
}

@ObjectType({ description: 'A model’s scores on the portfolio.' })
export class ScoreSummaryNode {
  @Field(() => Float, { description: 'The mean score.' }) mean!: number;
  @Field(() => [Float], { description: '10th … 90th percentiles of the score.' })
  deciles!: number[];
  @Field(() => [GradeCountNode], { description: 'How many accounts fall in each grade.' })
  grades!: GradeCountNode[];
}

@ObjectType({
  description:
    'A shadow run: the candidate model scored on every ACTIVE account next to the model that scored then (nothing written to accounts).',
})
export class ShadowRunNode {
  @Field(() => String, { description: 'The model the candidate was compared with.' })
  againstVersion!: string;
  @Field(() => Int, { description: 'How many accounts were scored.' }) accounts!: number;
  @Field(() => GraphQLDateTime, { description: 'When the shadow run scored them.' }) asOf!: Date;
  @Field(() => ScoreSummaryNode, { description: "The active model's scores on the same accounts." })
  current!: ScoreSummaryNode;
  @Field(() => ScoreSummaryNode, { description: "This model's scores." })
  candidate!: ScoreSummaryNode;
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
  @Field(() => String, { description: "The model's version, unique." }) version!: string;
  @Field(() => ScoringModelStatusEnum, {
    description: 'REGISTERED, SHADOWED, ACTIVE (scores now), RETIRED or DISCARDED.',
  })
  status!: string;
  @Field(() => [String], { description: 'The behaviour features it scores.' }) features!: string[];
  @Field(() => Float, { description: 'Its AUC on the training data.' }) trainingAuc!: number;
  @Field(() => GraphQLDateTime, { description: 'When it was registered.' }) registeredAt!: Date;
  @Field(() => GraphQLDateTime, {
    description: 'When it became active; null if never.',
    nullable: true,
  })
  activatedAt?: Date | null;
  @Field(() => ShadowRunNode, { description: 'Its latest shadow run, if any.', nullable: true })
  shadow?: ShadowRunNode | null;
}

@ObjectType({ description: 'One lifecycle decision, with the model and policy versions.' })
export class ScoringModelEventNode {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
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
  @Field(() => String, { description: 'The policy version at the time.' }) policyVersion!: string;
  @Field(() => ID, {
    description: 'Global id of the staff user who acted; null for the system.',
    nullable: true,
  })
  agentId?: string | null;
  @Field(() => String, { description: 'A free-text note from staff.', nullable: true }) note?:
    string | null;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
}

@InputType({ description: 'The input of `registerScoringModel`.' })
export class RegisterScoringModelInput {
  @Field(() => String, {
    description: 'The model file’s JSON text (creditline-score train --out model.json).',
  })
  model!: string;
  @Field(() => String, { description: 'A free-text note from staff.', nullable: true }) note?:
    string | null;
}

@InputType({
  description:
    'The model version and a note, for `shadowScoreModel`, `promoteScoringModel` and `discardScoringModel`.',
})
export class ScoringModelVersionInput {
  @Field(() => String, { description: "The model's version." }) version!: string;
  @Field(() => String, { description: 'A free-text note from staff.', nullable: true }) note?:
    string | null;
}

@InputType({ description: 'The input of `rollbackScoringModel`.' })
export class RollbackScoringModelInput {
  @Field(() => String, { description: 'A free-text note from staff.', nullable: true }) note?:
    string | null;
}

@ObjectType({
  description:
    'The scoring model after a lifecycle step, or the userErrors saying why nothing changed.',
})
export class ScoringModelPayload extends Payload('ScoringModel') {
  @Field(() => ScoringModelNode, {
    description: 'The scoring model after the change; null when there are userErrors.',
    nullable: true,
  })
  scoringModel?: ScoringModelNode | null;
}

@ObjectType({
  description:
    'The result of `rollbackScoringModel`: what changed, or the userErrors saying why nothing did.',
})
export class RollbackScoringModelPayload extends Payload('RollbackScoringModel') {
  @Field(() => String, {
    description: 'The version that is active again; null when there are userErrors.',
    nullable: true,
  })
  rolledBack?: string | null;
  @Field(() => String, { nullable: true, description: 'The model that scores again.' })
  restored?: string | null;
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
