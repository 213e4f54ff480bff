import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from './errors.js';
import type { GraphQLContext } from './context.js';

/**
 * Connections cost their page size times what each item asks for; fields in FIELD_COSTS cost
 * their work; everything else costs 1.
 * So `customers(first: 50) { edges { node { account { latestDecision { … } } } } }` costs about
 * 50 × the fields per customer, and a client learns the cost in `extensions.cost`.
 */
const connectionEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const n =
    typeof args.first === 'number'
      ? args.first
      : typeof args.last === 'number'
        ? args.last
        : undefined;
  return n === undefined ? undefined : 1 + Math.max(1, n) * childComplexity;
};

/**
 * Fields that do real work beyond reading a row, with what they cost in "simple fields":
 * computing every term's schedule and APR (an IRR search) for a quote, scoring and explaining a
 * decision, hashing a password, a money statement. Measured roughly: one `quoteInstallments`
 * took ~13 ms where a plain field takes microseconds; with GRAPHQL_MAX_COST 20,000 a request
 * holds at most 40 quotes (~0.5 s), and the alias limit (request-guards.ts) refuses hundreds of
 * copies before any cost is computed. A field not listed costs 1. Keep this the one table of costs
 * (a test checks that every name here exists in the schema).
 */
export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Query.quoteInstallments': 500,
  'Query.payoffQuote': 50,
  'CreditAccount.explanation': 100,
  'InstallmentPlan.schedule': 10,
  'Mutation.signIn': 100,
  'Mutation.requestLimitReview': 200,
  'Mutation.fileRecoveryRequest': 200,
  'Mutation.approveRecoveryRequest': 200,
  'Mutation.authorizePurchase': 50,
  'Mutation.capturePurchase': 50,
  'Mutation.createInstallmentPlan': 50,
  'Mutation.repayEarly': 50,
  'Mutation.recordRepayment': 50,
};

const workEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  const cost = FIELD_COSTS[`${type.name}.${field.name}`];
  return cost === undefined ? undefined : cost + childComplexity;
};

/**
 * The part of the variables a cost can depend on: page sizes (numbers) and `@include`/`@skip`
 * conditions (booleans). Ids and other strings cannot change a cost, so a partner asking for a
 * different account each time hits the cache.
 */
function costKey(
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
): string {
  let key = operationName ?? '';
  for (const [k, v] of Object.entries(variables ?? {}))
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) key += `|${k}=${String(v)}`;
  return key;
}
const MAX_KEYS_PER_DOCUMENT = 100;

/**
 * Check the cost of an operation before it runs; report it in `extensions.cost`. Costs are
 * cached per parsed document (Apollo reuses the parsed document of a query it has seen) and
 * cost-relevant variables: walking the query for every request was ~5 % of a small read's CPU.
 */
export function costLimitPlugin(
  schema: GraphQLSchema,
  maxCost: number,
): ApolloServerPlugin<GraphQLContext> {
  const cache = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document }) {
          const key = costKey(request.operationName, request.variables);
          let costs = cache.get(document);
          const known = costs?.get(key);
          if (known !== undefined) cost = known;
          else
            try {
              cost = getComplexity({
                schema,
                query: document,
                operationName: request.operationName ?? undefined,
                variables: request.variables ?? {},
                estimators: [
                  workEstimator,
                  connectionEstimator,
                  simpleEstimator({ defaultComplexity: 1 }),
                ],
              });
            } catch (e) {
              // getComplexity coerces the variables first: an invalid variable (e.g. an Int out of
              // range) is the caller's mistake, not a fault.
              if (e instanceof GraphQLError && !e.extensions?.code)
                throw new GraphQLError(e.message, {
                  extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
                });
              throw e;
            }
          if (known === undefined) {
            if (!costs) cache.set(document, (costs = new Map()));
            if (costs.size >= MAX_KEYS_PER_DOCUMENT) costs.clear();
            costs.set(key, cost);
          }
          if (cost > maxCost) {
            throw new GraphQLError(
              `This query costs ${cost}, above the limit of ${maxCost}; ask for smaller pages or fewer fields.`,
              {
                extensions: {
                  code: ErrorCode.QUERY_TOO_COMPLEX,
                  cost,
                  maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              cost: { requested: cost, maximum: maxCost },
            };
          }
        },
      };
    },
  };
}
