import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { toGlobalId } from '../../graphql/relay.js';
import type { DeliveryRow, EndpointRow } from './webhook.service.js';
import { asDate } from '../../graphql/dates.js';
import { Payload } from '../../graphql/payload.js';

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
  valuesConfig: {
    HOLD_EXPIRED: { description: 'A hold on a purchase expired.' },
    LIMIT_CHANGED: { description: "A linked customer's limit changed." },
    LINK_REVOKED: { description: 'A customer revoked their link to the app.' },
    PLAN_OVERDUE: { description: 'An installment plan went overdue.' },
    PURCHASE_REVIEW_DECIDED: { description: 'A purchase under review was approved or rejected.' },
  },
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
  valuesConfig: {
    PENDING: { description: 'Waiting for its next attempt.' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    DEAD: { description: 'Given up after the last attempt (retryWebhookDelivery sends it again).' },
  },
});

@ObjectType('WebhookEndpoint', { description: 'A partner app URL that receives signed events.' })
export class WebhookEndpointNode {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => ID, { description: 'The partner app it belongs to.' }) partnerAppId!: string;
  @Field(() => String, { description: 'The https URL events are posted to.' }) url!: string;
  @Field(() => [WebhookEventTypeEnum], { description: 'The events it receives.' })
  eventTypes!: WebhookEventTypeEnum[];
  @Field(() => String, { description: 'A note to tell endpoints apart.', nullable: true })
  description?: string | null;
  @Field(() => Boolean, { description: 'Whether events are sent to it.' }) active!: boolean;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => GraphQLDateTime, {
    description: 'When it was disabled; null while active.',
    nullable: true,
  })
  disabledAt?: Date | null;
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
  @Field(() => Int, { description: 'The attempt number, from 1.' }) attempt!: number;
  @Field(() => GraphQLDateTime, { description: 'When it was tried.' }) attemptedAt!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP status; null when there was no answer.' })
  statusCode?: number | null;
  @Field(() => String, { description: 'The error, if it failed.', nullable: true }) error?:
    string | null;
  @Field(() => Int, { description: 'How long it took, in milliseconds.' }) durationMs!: number;
}

@ObjectType('WebhookDelivery', { description: 'One event to one endpoint, with its attempts.' })
export class WebhookDeliveryNode {
  @Field(() => ID, { description: 'Global id.' }) id!: string;
  @Field(() => String, {
    description:
      'The event id (`evt_…`), also in the body and the Creditline-Event-Id header: de-duplicate on it.',
  })
  eventId!: string;
  @Field(() => WebhookEventTypeEnum, { description: 'The event delivered.' })
  eventType!: WebhookEventTypeEnum;
  @Field(() => ID, { description: 'Global id of the endpoint.' }) endpointId!: string;
  @Field(() => WebhookDeliveryStatusEnum, { description: 'Where the delivery is.' })
  status!: WebhookDeliveryStatusEnum;
  @Field(() => Int, { description: 'Attempts made so far.' }) attemptCount!: number;
  @Field(() => GraphQLDateTime, {
    nullable: true,
    description: 'When the next attempt is due (PENDING only).',
  })
  nextAttemptAt?: Date | null;
  @Field(() => Int, { description: 'The HTTP status of the last attempt.', nullable: true })
  lastStatusCode?: number | null;
  @Field(() => String, { description: 'The error of the last attempt.', nullable: true })
  lastError?: string | null;
  @Field(() => GraphQLDateTime, {
    description: 'When it was delivered; null until then.',
    nullable: true,
  })
  deliveredAt?: Date | null;
  @Field(() => GraphQLDateTime, { description: 'When it was created.' }) createdAt!: Date;
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

@InputType({ description: 'The input of `createWebhookEndpoint`.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, { description: 'https URL (http is accepted outside production).' })
  url!: string;
  @Field(() => [WebhookEventTypeEnum], { description: 'The events to receive.' })
  eventTypes!: WebhookEventTypeEnum[];
  @Field(() => String, { description: 'A note to tell endpoints apart.', nullable: true })
  description?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Staff only: the partner app to register it for. A partner app registers its own.',
  })
  partnerAppId?: string | null;
}

@ObjectType({
  description:
    'The result of `createWebhookEndpoint`: what changed, or the userErrors saying why nothing did.',
})
export class CreateWebhookEndpointPayload extends Payload('CreateWebhookEndpoint') {
  @Field(() => WebhookEndpointNode, {
    description: 'The webhook endpoint created or changed; null when there are userErrors.',
    nullable: true,
  })
  endpoint?: WebhookEndpointNode | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The signing secret (`whsec_…`), shown only in this answer: keep it to verify signatures.',
  })
  secret?: string | null;
}

@ObjectType({
  description:
    'The result of `disableWebhookEndpoint`, or the userErrors saying why nothing changed.',
})
export class WebhookEndpointPayload extends Payload('WebhookEndpoint') {
  @Field(() => WebhookEndpointNode, {
    description: 'The webhook endpoint created or changed; null when there are userErrors.',
    nullable: true,
  })
  endpoint?: WebhookEndpointNode | null;
}

@ObjectType({
  description:
    'The result of `retryWebhookDelivery`, or the userErrors saying why nothing changed.',
})
export class WebhookDeliveryPayload extends Payload('WebhookDelivery') {
  @Field(() => Boolean, { description: 'True when a new attempt was queued.' }) retried!: boolean;
}
