import { userError } from '../../graphql/errors.js';
import { Arg, Authorized, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { customerOfIfAllowed } from '../links/partner-gate.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { money } from '../../graphql/money.js';
import { toGlobalId } from '../../graphql/relay.js';
import { Role, scope } from '../auth/viewer.js';
import { amountFenOrError } from '../purchases/amount.js';
import { localIdOrError } from '../ledger/account-ref.js';
import { Purchase } from '../purchases/purchase.entity.js';
import { PurchaseNode, toPurchaseNode } from '../purchases/purchase.types.js';
import { RefundNode, RefundPurchaseInput, RefundPurchasePayload } from './refund.types.js';

interface RefundRow {
  id: string;
  purchase_id: string;
  amount_fen: string;
  merchant_reference: string;
  principal_reduced_fen: string;
  fee_reduced_fen: string;
  credit_fen: string;
  recovered_fen: string;
  created_at: Date;
}

const toRefundNode = (r: RefundRow): RefundNode =>
  Object.assign(new RefundNode(), {
    id: toGlobalId('Refund', String(r.id)),
    amount: money(Number(r.amount_fen)),
    merchantReference: r.merchant_reference,
    principalReduced: money(Number(r.principal_reduced_fen)),
    feeReduced: money(Number(r.fee_reduced_fen)),
    credit: money(Number(r.credit_fen)),
    recovered: money(Number(r.recovered_fen)),
    createdAt: new Date(r.created_at),
  });

const REFUND_COLUMNS = `id::text, purchase_id::text, amount_fen, merchant_reference, principal_reduced_fen, fee_reduced_fen, credit_fen, recovered_fen, created_at`;

@Resolver(() => PurchaseNode)
export class RefundResolver {
  @Authorized(scope('purchases:write'))
  @Mutation(() => RefundPurchasePayload, {
    description:
      'Refund (part of) a captured purchase (a return): lowers the plan from the last installments back with fees pro rata, gives the limit back, and keeps what was already paid as customer credit. Idempotent; the merchant reference is unique per partner.',
  })
  async refundPurchase(
    @Arg('input', () => RefundPurchaseInput, { description: 'What to refund purchase.' })
    input: RefundPurchaseInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RefundPurchasePayload> {
    const failed = (errors: RefundPurchasePayload['userErrors']) => ({
      refund: null,
      purchase: null,
      creditApplied: null,
      userErrors: errors,
    });
    const id = localIdOrError(input.purchaseId, 'Purchase', 'purchaseId');
    if (!id.ok) return failed(id.errors);
    const amount = amountFenOrError(input.amount);
    if (!amount.ok) return failed(amount.errors);
    if (!input.merchantReference.trim())
      return failed([
        userError(
          'REFERENCE_REQUIRED',
          "Give the merchant's refund reference.",
          'merchantReference',
        ),
      ]);
    // A refund is money back to the customer: the app must still act for them (the customer's
    // link), answered exactly as a missing purchase otherwise.
    if (!(await customerOfIfAllowed(ctx, 'purchases', id.value, info)))
      return failed([userError('PURCHASE_NOT_FOUND', 'There is no such purchase.', 'purchaseId')]);
    const r = await ctx.services.refunds.refund(ctx.em, ctx.viewer, {
      purchaseId: id.value,
      amountFen: amount.value,
      merchantReference: input.merchantReference.trim(),
      idempotencyKey: input.idempotencyKey,
    });
    if (!r.ok) return failed(r.errors);
    const em = ctx.em.fork();
    const [row] = await em.execute<RefundRow[]>(
      `select ${REFUND_COLUMNS} from refunds where id = ?`,
      [r.value.refundId],
    );
    const p = await em.findOne(Purchase, { id: r.value.purchaseId });
    return {
      refund: row ? toRefundNode(row) : null,
      purchase: p ? toPurchaseNode(p) : null,
      creditApplied: money(r.value.creditAppliedFen),
      userErrors: [],
    };
  }

  @Authorized(Role.AGENT, scope('purchases:write'))
  @FieldResolver(() => [RefundNode], { description: 'Refunds of this purchase, oldest first.' })
  async refunds(@Root() p: PurchaseNode, @Ctx() ctx: GraphQLContext): Promise<RefundNode[]> {
    const rows = await ctx.loaders
      .get<RefundRow[]>('refundsByPurchase', async (ids, em) => {
        const all = await em.execute<RefundRow[]>(
          `select ${REFUND_COLUMNS} from refunds where purchase_id = any(?::bigint[]) order by id`,
          [`{${ids.join(',')}}`],
        );
        return ids.map((id) => all.filter((x) => x.purchase_id === id));
      })
      .load(p.localId);
    return (rows ?? []).map(toRefundNode);
  }
}
