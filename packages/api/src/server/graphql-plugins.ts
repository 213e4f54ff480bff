import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, getOperationAST } from 'graphql';
import type { GraphQLContext } from '../graphql/context.js';
import { graphqlDuration, graphqlRequests } from '../shared/metrics.js';
import type { TrustedDocuments } from './trusted-documents.js';

/** Operation names become metric labels: a bounded set, so a client cannot grow the series without end. */
const MAX_NAMES = 300;
const seen = new Set<string>();
function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_NAMES || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return '(other)';
  seen.add(name);
  return name;
}

/**
 * Requests by operation and outcome, and their latency. Outcome: `success` (no errors),
 * `error` (executed, with errors: a resolver fault, FORBIDDEN, …), `rejected` (never executed:
 * parse, validation, cost or depth limit, unknown persisted query).
 */
export function operationMetricsPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(rc) {
          // A document that failed validation has no resolved operation, but still its name.
          const op =
            rc.operation ??
            (rc.document ? getOperationAST(rc.document, rc.request.operationName) : null);
          const operation = operationLabel(op?.name?.value ?? rc.request.operationName);
          const type = op?.operation ?? 'unknown';
          const body = rc.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : rc.errors;
          const executed =
            rc.operation !== undefined && body.kind === 'single'
              ? body.singleResult.data !== undefined
              : rc.operation !== undefined;
          const outcome = !executed ? 'rejected' : errors?.length ? 'error' : 'success';
          graphqlRequests.inc({ operation, type, outcome });
          graphqlDuration.observe({ operation, type }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}

/**
 * GRAPHQL_UNTRUSTED_DOCUMENTS: `allow` runs any document; `partners` runs any document for a
 * partner app's API key but only listed documents for staff and anonymous callers (the
 * dashboard sends only its own); `reject` runs only listed documents. The check reuses the hash
 * Apollo already computed, so it costs a set lookup.
 */
export function trustedDocumentsPlugin(
  trusted: TrustedDocuments,
  mode: 'allow' | 'partners' | 'reject',
): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      if (mode === 'allow') return;
      return {
        async didResolveOperation(rc) {
          if (trusted.has(rc.queryHash)) return;
          if (mode === 'partners' && rc.contextValue.viewer.kind === 'partner') return;
          throw new GraphQLError(
            mode === 'partners'
              ? 'Only the dashboard’s own operations are accepted here; partner apps may send any operation with their API key.'
              : 'Only listed (trusted) operations are accepted by this server.',
            { extensions: { code: 'UNTRUSTED_DOCUMENT', http: { status: 403 } } },
          );
        },
      };
    },
  };
}
