import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Role } from '../auth/viewer.js';
import { activeModel } from '../decisions/scoring-adapter.js';
import {
  discardModel,
  listModelEvents,
  listModels,
  promoteModel,
  registerModel,
  rollbackModel,
  shadowScoreModel,
  type RegisteredModel,
} from './model-registry.service.js';
import {
  RegisterScoringModelInput,
  RollbackScoringModelInput,
  RollbackScoringModelPayload,
  ScoringModelEventNode,
  ScoringModelNode,
  ScoringModelPayload,
  ScoringModelVersionInput,
  scoringModelEventNode,
  scoringModelNode,
} from './model-registry.types.js';
import type { Outcome } from '../../graphql/errors.js';
import { makePayload, type PayloadCode } from '../../graphql/payload.js';

const payload = (r: Outcome<RegisteredModel, PayloadCode<'ScoringModel'>>): ScoringModelPayload =>
  makePayload(
    ScoringModelPayload,
    r.ok
      ? { scoringModel: scoringModelNode(r.value), userErrors: [] }
      : { scoringModel: null, userErrors: r.errors },
  );

/** The model lifecycle (risk admins): register, shadow-score, promote or discard, roll back. */
@Resolver()
export class ScoringModelResolver {
  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => ScoringModelPayload, {
    description:
      'Register a trained scorecard (risk admin): validated against the model schema; it must read only platform features.',
  })
  async registerScoringModel(
    @Arg('input', () => RegisterScoringModelInput, {
      description: 'What to register scoring model.',
    })
    input: RegisterScoringModelInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoringModelPayload> {
    let doc: unknown = input.model;
    try {
      doc = JSON.parse(input.model);
    } catch {
      // loadModel reports the parse error with its position.
    }
    return payload(await registerModel(ctx.em, ctx.viewer, doc, input.note));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => ScoringModelPayload, {
    description:
      'Shadow-score a registered model on every ACTIVE account next to the model that scores now: score distribution, grade mix, PSI (risk admin).',
  })
  async shadowScoreModel(
    @Arg('input', () => ScoringModelVersionInput, { description: 'What to shadow score model.' })
    input: ScoringModelVersionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoringModelPayload> {
    return payload(await shadowScoreModel(ctx.em, ctx.viewer, input.version));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => ScoringModelPayload, {
    description:
      'Make a shadowed model the one that scores (risk admin); the model it replaces is retired and can be restored by rollbackScoringModel.',
  })
  async promoteScoringModel(
    @Arg('input', () => ScoringModelVersionInput, { description: 'What to promote scoring model.' })
    input: ScoringModelVersionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoringModelPayload> {
    return payload(await promoteModel(ctx.em, ctx.viewer, input.version, input.note));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => ScoringModelPayload, {
    description: 'Discard a registered or shadowed model (risk admin).',
  })
  async discardScoringModel(
    @Arg('input', () => ScoringModelVersionInput, { description: 'What to discard scoring model.' })
    input: ScoringModelVersionInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoringModelPayload> {
    return payload(await discardModel(ctx.em, ctx.viewer, input.version, input.note));
  }

  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => RollbackScoringModelPayload, {
    description:
      'One step back (risk admin): the active model is retired and the one it replaced scores again.',
  })
  async rollbackScoringModel(
    @Arg('input', () => RollbackScoringModelInput, {
      description: 'An optional note for the audit trail; may be omitted.',
      nullable: true,
      defaultValue: {},
    })
    input: RollbackScoringModelInput | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RollbackScoringModelPayload> {
    const r = await rollbackModel(ctx.em, ctx.viewer, input?.note);
    return makePayload(
      RollbackScoringModelPayload,
      r.ok ? { ...r.value, userErrors: [] } : { userErrors: r.errors },
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Query(() => [ScoringModelNode], { description: 'Registered models, newest first (risk admin).' })
  async scoringModels(
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 20,
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoringModelNode[]> {
    return (await listModels(ctx.em, Math.min(Math.max(first, 1), 100))).map(scoringModelNode);
  }

  @Authorized(Role.RISK_ADMIN)
  @Query(() => [ScoringModelEventNode], {
    description:
      'Model lifecycle decisions, newest first, with model and policy versions (risk admin).',
  })
  async scoringModelEvents(
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 20,
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ScoringModelEventNode[]> {
    return (await listModelEvents(ctx.em, Math.min(Math.max(first, 1), 100))).map(
      scoringModelEventNode,
    );
  }

  @Authorized(Role.RISK_ADMIN)
  @Query(() => String, {
    description: 'Version of the model that scores now in this API process (risk admin).',
  })
  activeScoringModelVersion(): string {
    return activeModel().version;
  }
}
