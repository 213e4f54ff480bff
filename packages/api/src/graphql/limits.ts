import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from './errors.js';
import type { GraphQLContext } from './context.js';

/**
 * Connections cost their page size times what each item asks for; everything else costs 1.
 * So `customers(first: 50) { edges { node { account { latestDecision { … } } } } }` costs about
 * 50 × the fields per customer, and a client learns the cost in `extensions.cost`.
 */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const n = typeof args.first === 'number' ? args.first : typeof args.last === 'number' ? args.last : undefined;
  return n === undefined ? undefined : 1 + Math.max(1, n) * childComplexity;
};

/** Check the cost of an operation before it runs; report it in `extensions.cost`. */
export function costLimitPlugin(schema: GraphQLSchema, maxCost: number): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document }) {
          try {
            cost = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [connectionEstimator, simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch (e) {
            // getComplexity coerces the variables first: an invalid variable (e.g. an Int out of
            // range) is the caller's mistake, not a fault.
            if (e instanceof GraphQLError && !e.extensions?.code) throw new GraphQLError(e.message, { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
            throw e;
          }
          if (cost > maxCost) {
            throw new GraphQLError(`This query costs ${cost}, above the limit of ${maxCost}; ask for smaller pages or fewer fields.`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { requested: cost, maximum: maxCost } };
          }
        },
      };
    },
  };
}
