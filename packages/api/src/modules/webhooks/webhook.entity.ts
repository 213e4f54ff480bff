import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Id } from '../../db/types.js';

/** A partner app's URL and the event types it wants; the signing secret is kept encrypted. */
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpoint {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) partnerAppId!: string;
  @Property({ type: 'text' }) url!: string;
  @Property({ type: 'text[]' }) eventTypes: string[] = [];
  @Property({ type: 'blob', lazy: true }) secretEnc!: Buffer;
  @Property({ type: 'text', nullable: true }) description?: string | null;
  @Property({ type: 'boolean' }) active = true;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
  @Property({ type: 'datetime', nullable: true }) disabledAt?: Date | null;
}

/** Something partners may hear about, written in the transaction that made it happen. */
@Entity({ tableName: 'webhook_events' })
export class WebhookEvent {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: 'text' }) eventType!: string;
  @Property({ type: Id, nullable: true }) customerId?: string | null;
  @Property({ type: Id, nullable: true }) partnerAppId?: string | null;
  @Property({ type: 'json' }) payload: Record<string, unknown> = {};
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

/** One event to one endpoint: unique per (event, endpoint), so an event is never sent twice over. */
@Entity({ tableName: 'webhook_deliveries' })
export class WebhookDelivery {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) eventId!: string;
  @Property({ type: Id }) endpointId!: string;
  @Property({ type: Id }) partnerAppId!: string;
  @Property({ type: 'text' }) status: 'PENDING' | 'DELIVERED' | 'DEAD' = 'PENDING';
  @Property({ type: 'integer' }) attempts = 0;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) nextAttemptAt: Date = new Date();
  @Property({ type: 'integer', nullable: true }) lastStatusCode?: number | null;
  @Property({ type: 'text', nullable: true }) lastError?: string | null;
  @Property({ type: 'datetime', nullable: true }) deliveredAt?: Date | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}

@Entity({ tableName: 'webhook_attempts' })
export class WebhookAttempt {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) deliveryId!: string;
  @Property({ type: 'integer' }) attempt!: number;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) attemptedAt: Date = new Date();
  @Property({ type: 'integer', nullable: true }) statusCode?: number | null;
  @Property({ type: 'text', nullable: true }) error?: string | null;
  @Property({ type: 'integer' }) durationMs!: number;
}
