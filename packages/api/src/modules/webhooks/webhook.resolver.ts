import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { forbidden, userError } from '../../graphql/errors.js';
import { fromGlobalId, localIdOrThrow } from '../../graphql/relay.js';
import { Role, isStaff, scope, type Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { asDate } from '../../graphql/dates.js';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  WebhookAttemptNode,
  WebhookDeliveryNode,
  WebhookDeliveryPayload,
  WebhookDeliveryStatusEnum,
  WebhookEndpointNode,
  WebhookEndpointPayload,
  toDeliveryNode,
  toEndpointNode,
} from './webhook.types.js';

const MANAGERS = [scope('webhooks:manage'), Role.SUPERVISOR, Role.RISK_ADMIN];
const READERS = [scope('webhooks:manage'), Role.AGENT];

/** The partner app whose webhooks the viewer may see: its own for a partner, null (all) for staff. */
const ownerOf = (v: Viewer): string | null => (v.kind === 'partner' ? v.id : null);
const staffManager = (v: Viewer) =>
  isStaff(v) && (v.role === 'SUPERVISOR' || v.role === 'RISK_ADMIN');

/** An id of the given type, or undefined (answered like a missing one: no existence leak). */
const localOf = (id: string, type: string) => {
  const g = fromGlobalId(id);
  return g?.type === type ? g.id : undefined;
};

@Resolver(() => WebhookEndpointNode)
export class WebhookResolver {
  @Authorized(...READERS)
  @Query(() => [WebhookEndpointNode], {
    description:
      "Webhook endpoints: a partner app's own (scope webhooks:manage); staff see every partner's, or one partner app's with partnerAppId.",
  })
  async webhookEndpoints(
    @Ctx() ctx: GraphQLContext,
    @Arg('partnerAppId', () => ID, {
      description:
        "Staff: only this partner app's endpoints; every app's when omitted (a partner always sees its own).",
      nullable: true,
    })
    partnerAppId?: string | null,
  ): Promise<WebhookEndpointNode[]> {
    const owner =
      ownerOf(ctx.viewer) ??
      (partnerAppId ? localIdOrThrow(partnerAppId, 'PartnerApp', 'partnerAppId') : null);
    return (await ctx.services.webhooks.list(ctx.em, owner)).map(toEndpointNode);
  }

  @Authorized(...READERS)
  @Query(() => [WebhookDeliveryNode], {
    description:
      'Deliveries, newest first, with their attempts: of one endpoint, or all of the viewer’s (a partner sees only its own).',
  })
  async webhookDeliveries(
    @Ctx() ctx: GraphQLContext,
    @Arg('endpointId', () => ID, {
      description: 'Only deliveries to this endpoint; all when omitted.',
      nullable: true,
    })
    endpointId?: string | null,
    @Arg('status', () => WebhookDeliveryStatusEnum, {
      description: 'Only deliveries in this status; all when omitted.',
      nullable: true,
    })
    status?: WebhookDeliveryStatusEnum | null,
    @Arg('first', () => Int, {
      description: 'How many items to return: 1 to 100.',
      defaultValue: 20,
    })
    first = 20,
  ): Promise<WebhookDeliveryNode[]> {
    const endpoint = endpointId ? localOf(endpointId, 'WebhookEndpoint') : null;
    if (endpoint === undefined) return [];
    const rows = await ctx.services.webhooks.deliveries(ctx.em, {
      endpointId: endpoint,
      partnerAppId: ownerOf(ctx.viewer),
      status,
      first: Math.min(first, 100),
    });
    return rows.map(toDeliveryNode);
  }

  @Authorized(...MANAGERS)
  @Mutation(() => CreateWebhookEndpointPayload, {
    description:
      'Register a URL for event types. The answer carries the signing secret once. Deliveries are signed (Creditline-Signature: t=…,v1=HMAC-SHA256(secret, `${t}.${body}`)); see docs/partners.md.',
  })
  async createWebhookEndpoint(
    @Ctx() ctx: GraphQLContext,
    @Arg('input', () => CreateWebhookEndpointInput, {
      description: 'What to create webhook endpoint.',
    })
    input: CreateWebhookEndpointInput,
  ): Promise<CreateWebhookEndpointPayload> {
    let partnerAppId: string;
    if (ctx.viewer.kind === 'partner') partnerAppId = ctx.viewer.id;
    else if (!staffManager(ctx.viewer)) throw forbidden();
    else if (!input.partnerAppId)
      return {
        userErrors: [
          userError(
            'PARTNER_APP_REQUIRED',
            'Staff must name the partner app (partnerAppId).',
            'partnerAppId',
          ),
        ],
      };
    else partnerAppId = localIdOrThrow(input.partnerAppId, 'PartnerApp', 'partnerAppId');
    const r = await ctx.services.webhooks.create(ctx.em, partnerAppId!, input);
    if (!r.ok) return { userErrors: r.errors };
    await writeAudit(ctx.em, ctx.viewer, {
      action: 'createWebhookEndpoint',
      targetType: 'WebhookEndpoint',
      targetId: String(r.value.endpoint.id),
      details: {
        partnerAppId: partnerAppId!,
        url: r.value.endpoint.url,
        eventTypes: r.value.endpoint.event_types,
      },
    });
    return { endpoint: toEndpointNode(r.value.endpoint), secret: r.value.secret, userErrors: [] };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => WebhookEndpointPayload, {
    description:
      'Stop sending to an endpoint (its pending deliveries are not sent). Kept for its history.',
  })
  async disableWebhookEndpoint(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Global id of the endpoint.' }) id: string,
  ): Promise<WebhookEndpointPayload> {
    const local = localOf(id, 'WebhookEndpoint');
    const row = local
      ? await ctx.services.webhooks.disable(ctx.em, local, ownerOf(ctx.viewer))
      : undefined;
    if (!row) return { userErrors: [userError('NOT_FOUND', 'No such webhook endpoint.', 'id')] };
    await ctx.em.execute(
      `update webhook_deliveries set status = 'DEAD', last_error = coalesce(last_error, 'endpoint disabled') where endpoint_id = ? and status = 'PENDING'`,
      [local],
    );
    await writeAudit(ctx.em, ctx.viewer, {
      action: 'disableWebhookEndpoint',
      targetType: 'WebhookEndpoint',
      targetId: local!,
      details: {},
    });
    return { endpoint: toEndpointNode(row), userErrors: [] };
  }

  @Authorized(...MANAGERS)
  @Mutation(() => WebhookDeliveryPayload, {
    description: 'Send a delivery again now (a DEAD one gets a fresh round of attempts).',
  })
  async retryWebhookDelivery(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'Global id of the delivery.' }) id: string,
  ): Promise<WebhookDeliveryPayload> {
    const local = localOf(id, 'WebhookDelivery');
    const retried = local
      ? await ctx.services.webhooks.retry(ctx.em, local, ownerOf(ctx.viewer))
      : false;
    return retried
      ? { retried, userErrors: [] }
      : {
          retried,
          userErrors: [
            userError(
              'NOT_FOUND',
              'No such delivery waiting or given up (a delivered one is not resent).',
              'id',
            ),
          ],
        };
  }
}

@Resolver(() => WebhookDeliveryNode)
export class WebhookDeliveryFieldsResolver {
  @FieldResolver(() => [WebhookAttemptNode], { description: 'Every attempt, oldest first.' })
  async attempts(
    @Root() d: WebhookDeliveryNode,
    @Ctx() ctx: GraphQLContext,
  ): Promise<WebhookAttemptNode[]> {
    const rows = await ctx.services.webhooks.attempts(ctx.em, [d.localId]);
    return rows.map((a) =>
      Object.assign(new WebhookAttemptNode(), {
        attempt: a.attempt,
        attemptedAt: asDate(a.attempted_at),
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      }),
    );
  }
}
