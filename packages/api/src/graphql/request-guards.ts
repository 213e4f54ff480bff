import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ASTVisitor,
} from 'graphql';
import { ErrorCode } from './errors.js';
import type { GraphQLContext } from './context.js';
import { writeRefusalAudit } from '../modules/audit/audit.service.js';
import { SharedRequestLimit } from '../modules/abuse/rate-limits.js';

/**
 * The shape of an operation, checked before execution (a validation rule, so Apollo checks a
 * document once and caches the verdict):
 * - at most `maxAliases` aliased fields in the document: aliases are how one request asks for the
 *   same expensive field hundreds of times (1,000 aliased `quoteInstallments` took 13 s);
 * - at most `maxRootFields` root fields per operation, fragments expanded;
 * - at most one `signIn` per operation: one request is one password guess.
 */
export function operationShapeRule(maxAliases: number, maxRootFields: number, signInField: string) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    const rootFields = (
      set: SelectionSetNode,
      seen: Set<string>,
      out: { total: number; signIn: number },
    ): void => {
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          out.total += 1;
          if (s.name.value === signInField) out.signIn += 1;
        } else if (s.kind === Kind.INLINE_FRAGMENT) rootFields(s.selectionSet, seen, out);
        else if (!seen.has(s.name.value)) {
          // each fragment counted once per operation (and a cycle cannot loop)
          seen.add(s.name.value);
          const f: FragmentDefinitionNode | null | undefined = context.getFragment(s.name.value);
          if (f) rootFields(f.selectionSet, seen, out);
        }
      }
    };
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      OperationDefinition(node) {
        const out = { total: 0, signIn: 0 };
        rootFields(node.selectionSet, new Set(), out);
        if (node.operation === 'mutation' && out.signIn > 1)
          context.reportError(
            new GraphQLError(
              `Sign in once per request: this operation has ${out.signIn} ${signInField} fields.`,
              { nodes: [node] },
            ),
          );
        if (out.total > maxRootFields)
          context.reportError(
            new GraphQLError(
              `This operation has ${out.total} root fields, above the limit of ${maxRootFields}; send fewer per request.`,
              { nodes: [node], extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } },
            ),
          );
      },
      Document: {
        leave() {
          if (aliases > maxAliases)
            context.reportError(
              new GraphQLError(
                `This query has ${aliases} aliased fields, above the limit of ${maxAliases}; send fewer per request.`,
                { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } },
              ),
            );
        },
      },
    };
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** NUL, or a lone UTF-16 surrogate (text that is no Unicode at all; PostgreSQL refuses both). */
function badTextReason(s: string): string | undefined {
  if (s.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(s)) return 'is not valid Unicode (an unpaired UTF-16 surrogate)';
  return undefined;
}

function firstBadVariable(
  value: unknown,
  path: string,
): { path: string; reason: string } | undefined {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { path, reason } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = firstBadVariable(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = firstBadVariable(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return undefined;
}

const badInput = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });

/**
 * Every text a request carries, checked once before execution: string literals in the document
 * (cached per parsed document) and every string in the variables, however deep. A NUL byte or an
 * unpaired surrogate is BAD_USER_INPUT naming where it is, instead of a database fault later.
 */
export function inputTextPlugin(): ApolloServerPlugin<GraphQLContext> {
  const literals = new WeakMap<DocumentNode, string | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let literal = literals.get(document);
          if (literal === undefined) {
            literal = null;
            visit(document, {
              StringValue(node) {
                const reason = badTextReason(node.value);
                if (reason && literal === null)
                  literal = `A text value in the query (line ${node.loc?.startToken.line ?? '?'}) ${reason}; remove it.`;
              },
            });
            literals.set(document, literal);
          }
          if (literal) throw badInput(literal);
          const bad = firstBadVariable(request.variables ?? {}, '$');
          if (bad)
            throw badInput(
              `The variable ${bad.path.replace(/^\$\./, '$')} ${bad.reason}; remove it.`,
            );
        },
      };
    },
  };
}

const REFUSAL_AUDITS_PER_MINUTE = 120;

/**
 * Refused attempts (FORBIDDEN) go to the audit log: who, which operation and fields, from where.
 * One row per request at most, and at most REFUSAL_AUDITS_PER_MINUTE rows per actor across all
 * processes; beyond that the refusals are counted in the log (warn), not the table — the
 * request rate limits already bound how fast anyone can be refused.
 */
export function refusalAuditPlugin(storeClient: unknown): ApolloServerPlugin<GraphQLContext> {
  const budget = new SharedRequestLimit(
    storeClient,
    'refusal-audit',
    REFUSAL_AUDITS_PER_MINUTE,
    60,
  );
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName, operation }) {
          const refused = errors.filter((e) => {
            const code = e.extensions?.code;
            return code === ErrorCode.FORBIDDEN || code === 'UNAUTHORIZED';
          });
          if (!refused.length) return;
          const v = contextValue.viewer;
          const actorKey =
            v.kind === 'anonymous' ? `addr:${contextValue.clientAddress}` : `${v.kind}:${v.id}`;
          try {
            await budget.consume(actorKey, 'audit budget');
          } catch {
            contextValue.logger.warn(
              { actor: actorKey, operationName, requestId: contextValue.requestId },
              'refused attempt not audited: the actor is over its audit budget',
            );
            return;
          }
          await writeRefusalAudit(contextValue.em, v, {
            action: 'forbidden',
            targetType: 'Operation',
            targetId: operationName ?? operation?.operation,
            details: {
              reason: 'FORBIDDEN',
              operation: operation?.operation ?? null,
              operationName: operationName ?? null,
              fields: refused.slice(0, 10).map((e) => (e.path ?? []).join('.')),
              address: contextValue.clientAddress,
              requestId: contextValue.requestId,
            },
          }).catch((err: unknown) =>
            contextValue.logger.error(
              { err, requestId: contextValue.requestId },
              'refusal audit failed',
            ),
          );
        },
      };
    },
  };
}
