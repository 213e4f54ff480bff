import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { UserError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/relay.js';
import type { DeliveryRow, EndpointRow } from './webhook.service.js';
import { asDate } from '../../graphql/dates.js';

export enum WebhookEventTypeEnum {
  LIMIT_CHANGED = 'LIMIT_CHANGED',
  PURCHASE_REVIEW_DECIDED = 'PURCHASE_REVIEW_DECIDED',
  HOLD_EXPIRED = 'HOLD_EXPIRED',
  PLAN_OVERDUE = 'PLAN_OVERDUE',
  LINK_REVOKED = 'LINK_REVOKED',
}
registerEnumType(WebhookEventTypeEnum, {
  name: 'WebhookEventType',
  description: 'What a partner app can be told about by webhook.',
});

export enum WebhookDeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}
registerEnumType(WebhookDeliveryStatusEnum, {
  name: 'WebhookDeliveryStatus',
  description:
    'PENDING: waiting for its next attempt; DELIVERED: answered 2xx; DEAD: given up after the last attempt (retryWebhookDelivery sends it again).',
});

@ObjectType('WebhookEndpoint', { description: 'A partner app URL that receives signed events.' })
export class WebhookEndpointNode {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The partner app it belongs to.' }) partnerAppId!: string;
  @Field(() => String) url!: string;
  @Field(() => [WebhookEventTypeEnum]) eventTypes!: WebhookEventTypeEnum[];
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => Boolean) active!: boolean;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => GraphQLDateTime, { nullable: true }) disabledAt?: Date | null;
  localId!: string;
  localPartnerAppId!: string;
}
export const toEndpointNode = (r: EndpointRow) =>
  Object.assign(new WebhookEndpointNode(), {
    id: toGlobalId('WebhookEndpoint', r.id),
    partnerAppId: toGlobalId('PartnerApp', r.partner_app_id),
    url: r.url,
    eventTypes: r.event_types as WebhookEventTypeEnum[],
    description: r.description,
    active: r.active,
    createdAt: asDate(r.created_at),
    disabledAt: asDate(r.disabled_at),
    localId: String(r.id),
    localPartnerAppId: String(r.partner_app_id),
  });

@ObjectType('WebhookAttempt', {
  description: 'One POST of a delivery and how the endpoint answered.',
})
export class WebhookAttemptNode {
  @Field(() => Int) attempt!: number;
  @Field(() => GraphQLDateTime) attemptedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP status; null when there was no answer.' })
  statusCode?: number | null;
  @Field(() => String, { nullable: true }) error?: string | null;
  @Field(() => Int) durationMs!: number;
}

@ObjectType('WebhookDelivery', { description: 'One event to one endpoint, with its attempts.' })
export class WebhookDeliveryNode {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    description:
      'The event id (`evt_…`), also in the body and the Creditline-Event-Id header: de-duplicate on it.',
  })
  eventId!: string;
  @Field(() => WebhookEventTypeEnum) eventType!: WebhookEventTypeEnum;
  @Field(() => ID) endpointId!: string;
  @Field(() => WebhookDeliveryStatusEnum) status!: WebhookDeliveryStatusEnum;
  @Field(() => Int, { description: 'Attempts made so far.' }) attemptCount!: number;
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When the next attempt is due (PENDING only).',
  })
  nextAttemptAt?: Date | null;
  @Field(() => Int, { nullable: true }) lastStatusCode?: number | null;
  @Field(() => String, { nullable: true }) lastError?: string | null;
  @Field(() => GraphQLDateTime, { nullable: true }) deliveredAt?: Date | null;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  localId!: string;
}
export const toDeliveryNode = (r: DeliveryRow) =>
  Object.assign(new WebhookDeliveryNode(), {
    id: toGlobalId('WebhookDelivery', r.id),
    eventId: `evt_${r.event_id}`,
    eventType: r.event_type as WebhookEventTypeEnum,
    endpointId: toGlobalId('WebhookEndpoint', r.endpoint_id),
    status: r.status as WebhookDeliveryStatusEnum,
    attemptCount: Number(r.attempts),
    nextAttemptAt: r.status === 'PENDING' ? asDate(r.next_attempt_at) : null,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: asDate(r.delivered_at),
    createdAt: asDate(r.created_at),
    localId: String(r.id),
  });

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https URL (http is accepted outside production).' })
  url!: string;
  @Field(() => [WebhookEventTypeEnum]) eventTypes!: WebhookEventTypeEnum[];
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Staff only: the partner app to register it for. A partner app registers its own.',
  })
  partnerAppId?: string | null;
}

@ObjectType()
export class CreateWebhookEndpointPayload {
  @Field(() => WebhookEndpointNode, { nullable: true }) endpoint?: WebhookEndpointNode | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (`whsec_…`), shown only in this answer: keep it to verify signatures.',
  })
  secret?: string | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class WebhookEndpointPayload {
  @Field(() => WebhookEndpointNode, { nullable: true }) endpoint?: WebhookEndpointNode | null;
  @Field(() => [UserError]) userErrors!: UserError[];
}

@ObjectType()
export class WebhookDeliveryPayload {
  @Field(() => Boolean) retried!: boolean;
  @Field(() => [UserError]) userErrors!: UserError[];
}
