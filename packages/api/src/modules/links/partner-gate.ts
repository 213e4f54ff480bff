import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import {
  analysePartnerSelection,
  partnerSelectionError,
  type PartnerSelection,
} from './partner-access.js';

/**
 * Before a partner's operation runs: every selected field must have a partner rule and the key
 * must hold its scope (refused as a whole, before any resolver runs), and each root field's
 * scopes are kept on the context for the link check at that root. Staff requests skip this.
 */
export function partnerAccessPlugin(schema: GraphQLSchema): ApolloServerPlugin<GraphQLContext> {
  const cache = new WeakMap<DocumentNode, Map<string, PartnerSelection>>();
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.viewer.kind !== 'partner') return;
      return {
        async didResolveOperation({ document, operation, contextValue: ctx }) {
          const viewer = ctx.viewer;
          if (viewer.kind !== 'partner' || !operation) return;
          const opKey = operation.name?.value ?? '';
          let byOp = cache.get(document);
          let analysis = byOp?.get(opKey);
          if (!analysis) {
            analysis = analysePartnerSelection(schema, document, operation);
            if (!byOp) cache.set(document, (byOp = new Map()));
            byOp.set(opKey, analysis);
          }
          if (analysis.refused.length > 0) throw partnerSelectionError(analysis.refused);
          const missing = [...analysis.needs].find(([, s]) => !viewer.scopes.includes(s));
          if (missing) {
            const fields = [...analysis.needs].filter(([, s]) => s === missing[1]).map(([f]) => f);
            throw partnerSelectionError(fields, missing[1]);
          }
          ctx.partnerRootScopes = analysis.rootScopes;
        },
      };
    },
  };
}

/** The scopes the current root field's selection needs from the customer's link. */
export function scopesNeededAt(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo | undefined,
): string[] {
  if (!info) return [];
  let p = info.path;
  while (p.prev) p = p.prev;
  return ctx.partnerRootScopes?.get(String(p.key)) ?? [];
}

/**
 * May the viewer act for this customer here? Staff: yes. A partner app: only with an active,
 * unexpired link whose scopes cover what this root field's selection needs (plus `extra`).
 * Callers answer "no" exactly as they answer a missing id, so a partner learns nothing about
 * customers who did not link it.
 */
export async function mayActFor(
  ctx: GraphQLContext,
  customerId: string | null | undefined,
  info?: GraphQLResolveInfo,
  extra: string[] = [],
): Promise<boolean> {
  const v = ctx.viewer;
  if (v.kind === 'agent') return true;
  if (v.kind !== 'partner' || customerId == null) return false;
  const granted = await ctx.services.links.linkScopes(ctx, v.id, customerId);
  if (!granted) return false;
  for (const s of [...scopesNeededAt(ctx, info), ...extra]) if (!granted.has(s)) return false;
  return true;
}

/**
 * For roots that name a purchase or a plan: the customer it belongs to, when the viewer may act
 * for them here; undefined otherwise (the caller answers as for a missing id).
 */
export async function customerOfIfAllowed(
  ctx: GraphQLContext,
  table: 'purchases' | 'installment_plans',
  localId: string,
  info?: GraphQLResolveInfo,
): Promise<string | undefined> {
  const [row] = await ctx.em.execute<{ customer_id: string }[]>(
    `select customer_id::text from ${table} where id = ?`,
    [localId],
  );
  return row && (await mayActFor(ctx, row.customer_id, info)) ? row.customer_id : undefined;
}
