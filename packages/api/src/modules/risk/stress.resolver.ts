import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { userError } from '../../graphql/errors.js';
import { Role } from '../auth/viewer.js';
import type { StressScenario } from '../decisions/scoring-adapter.js';
import { listStressTests, runStressTest } from './stress.service.js';
import {
  RunStressTestInput,
  RunStressTestPayload,
  StressTestRunNode,
  stressTestNode,
} from './stress.types.js';
import { makePayload, type PayloadCode } from '../../graphql/payload.js';

const payloadError = (code: PayloadCode<'RunStressTest'>, message: string, field: string) =>
  makePayload(RunStressTestPayload, { userErrors: [userError(code, message, field)] });

@Resolver()
export class StressTestResolver {
  @Authorized(Role.RISK_ADMIN)
  @Mutation(() => RunStressTestPayload, {
    description:
      'Stress the live portfolio (risk admin): shock every ACTIVE account’s PD by a multiplier or a grade-migration matrix; exposure, expected loss and the limits a review would cut, by grade and income band; stored.',
  })
  async runStressTest(
    @Arg('input', () => RunStressTestInput, { description: 'What to run stress test.' })
    input: RunStressTestInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<RunStressTestPayload> {
    if (ctx.viewer.kind !== 'agent') return payloadError('FORBIDDEN', 'Staff only.', 'input');
    const hasMult = input.pdMultiplier != null;
    const hasMatrix = input.migration != null && input.migration.length > 0;
    if (hasMult === hasMatrix)
      return payloadError(
        'INVALID_SCENARIO',
        'Give exactly one of pdMultiplier (e.g. 1.5) or migration (cells from → to with probabilities).',
        'input',
      );
    let scenario: StressScenario;
    if (hasMult) scenario = { kind: 'PD_MULTIPLIER', multiplier: input.pdMultiplier! };
    else {
      const matrix: Record<string, Record<string, number>> = {};
      for (const c of input.migration!) (matrix[c.from] ??= {})[c.to] = c.probability;
      scenario = { kind: 'GRADE_MIGRATION', matrix: matrix as never };
    }
    const r = await runStressTest(ctx.em, ctx.viewer, scenario);
    if (!r.ok) return makePayload(RunStressTestPayload, { userErrors: r.errors });
    return makePayload(RunStressTestPayload, {
      stressTest: stressTestNode(r.value),
      userErrors: [],
    });
  }

  @Authorized(Role.RISK_ADMIN)
  @Query(() => [StressTestRunNode], {
    description: 'Stored stress tests, newest first (risk admin).',
  })
  async stressTests(
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 10,
    })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StressTestRunNode[]> {
    return (await listStressTests(ctx.em, Math.min(Math.max(first, 1), 100))).map(stressTestNode);
  }
}
