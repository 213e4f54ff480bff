import { isIP } from 'node:net';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Config } from '../../config/config.js';
import { encryptPii } from '../customers/pii.js';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { newWebhookSecret } from './webhook-signing.js';
import { WEBHOOK_EVENT_TYPES } from './webhook-events.js';

export const MAX_ENDPOINTS_PER_PARTNER = 10;

/** Loopback, private, link-local and unique-local hosts given literally (or as localhost). */
export function isInternalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.internal')) return true;
  if (isIP(h) === 4) {
    const [a, b] = h.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(h) === 6)
    return (
      h === '::1' ||
      h === '::' ||
      /^f[cd]/.test(h) ||
      /^fe[89ab]/.test(h) ||
      h.startsWith('::ffff:')
    );
  return false;
}

export interface EndpointRow {
  id: string;
  partner_app_id: string;
  url: string;
  event_types: string[];
  description: string | null;
  active: boolean;
  created_at: Date;
  disabled_at: Date | null;
}

export interface DeliveryRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  partner_app_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

const ENDPOINT_COLS = `id, partner_app_id, url, event_types, description, active, created_at, disabled_at`;

/** Partner webhooks: endpoints, their deliveries and attempts. `partnerAppId` scopes every read. */
export class WebhookService {
  constructor(private readonly config: Config) {}

  /** Check an endpoint URL: http(s), no credentials; https only in production. */
  urlProblem(raw: string): string | undefined {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return 'url must be an absolute URL such as https://example.com/creditline/webhooks';
    }
    if (raw.length > 2048) return 'url must be at most 2048 characters';
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'url must use https';
    if (u.protocol === 'http:' && this.config.NODE_ENV === 'production')
      return 'url must use https in production';
    if (u.username || u.password) return 'url must not contain a user name or password';
    // In production a partner cannot point our workers at our own network (SSRF).
    if (this.config.NODE_ENV === 'production' && isInternalHost(u.hostname))
      return 'url must be a public address (not localhost or a private network)';
    return undefined;
  }

  async create(
    em: EntityManager,
    partnerAppId: string,
    input: { url: string; eventTypes: string[]; description?: string | null },
  ): Promise<
    Outcome<
      { endpoint: EndpointRow; secret: string },
      | 'DESCRIPTION_TOO_LONG'
      | 'INVALID_EVENT_TYPES'
      | 'INVALID_WEBHOOK_URL'
      | 'PARTNER_APP_NOT_FOUND'
      | 'TOO_MANY_ENDPOINTS'
    >
  > {
    const problem = this.urlProblem(input.url.trim());
    if (problem) return fail('INVALID_WEBHOOK_URL', problem, 'url');
    const types = [...new Set(input.eventTypes)];
    if (
      types.length === 0 ||
      types.some((t) => !(WEBHOOK_EVENT_TYPES as readonly string[]).includes(t))
    )
      return fail(
        'INVALID_EVENT_TYPES',
        `eventTypes must name at least one of ${WEBHOOK_EVENT_TYPES.join(', ')}`,
        'eventTypes',
      );
    if ((input.description ?? '').length > 200)
      return fail(
        'DESCRIPTION_TOO_LONG',
        'description must be at most 200 characters',
        'description',
      );
    return em.transactional(async (tem) => {
      // Lock the partner row: the count check and the insert are one decision.
      const [p] = await tem.execute<{ id: string }[]>(
        `select id from partner_apps where id = ? and active for update`,
        [partnerAppId],
      );
      if (!p)
        return fail('PARTNER_APP_NOT_FOUND', 'No active partner app with that id.', 'partnerAppId');
      const [{ n }] = (await tem.execute<{ n: string }[]>(
        `select count(*) as n from webhook_endpoints where partner_app_id = ? and active`,
        [partnerAppId],
      )) as [{ n: string }];
      if (Number(n) >= MAX_ENDPOINTS_PER_PARTNER)
        return fail(
          'TOO_MANY_ENDPOINTS',
          `A partner app can have at most ${MAX_ENDPOINTS_PER_PARTNER} active endpoints; disable one first.`,
        );
      const secret = newWebhookSecret();
      const [row] = await tem.execute<EndpointRow[]>(
        `insert into webhook_endpoints (partner_app_id, url, event_types, secret_enc, description)
         values (?, ?, ?::text[], ?, ?) returning ${ENDPOINT_COLS}`,
        [
          partnerAppId,
          input.url.trim(),
          `{${types.join(',')}}`,
          encryptPii(secret, this.config.secrets.piiKey),
          input.description ?? null,
        ],
      );
      return ok({ endpoint: row!, secret });
    });
  }

  async list(em: EntityManager, partnerAppId: string | null): Promise<EndpointRow[]> {
    return em.execute<EndpointRow[]>(
      `select ${ENDPOINT_COLS} from webhook_endpoints ${partnerAppId ? 'where partner_app_id = ?' : ''} order by id desc limit 200`,
      partnerAppId ? [partnerAppId] : [],
    );
  }

  async endpoint(
    em: EntityManager,
    id: string,
    partnerAppId: string | null,
  ): Promise<EndpointRow | undefined> {
    const [row] = await em.execute<EndpointRow[]>(
      `select ${ENDPOINT_COLS} from webhook_endpoints where id = ? ${partnerAppId ? 'and partner_app_id = ?' : ''}`,
      partnerAppId ? [id, partnerAppId] : [id],
    );
    return row;
  }

  async disable(
    em: EntityManager,
    id: string,
    partnerAppId: string | null,
  ): Promise<EndpointRow | undefined> {
    const [row] = await em.execute<EndpointRow[]>(
      `update webhook_endpoints set active = false, disabled_at = coalesce(disabled_at, now())
        where id = ? ${partnerAppId ? 'and partner_app_id = ?' : ''} returning ${ENDPOINT_COLS}`,
      partnerAppId ? [id, partnerAppId] : [id],
    );
    return row;
  }

  async deliveries(
    em: EntityManager,
    opts: {
      endpointId?: string | null;
      partnerAppId: string | null;
      status?: string | null;
      first: number;
    },
  ): Promise<DeliveryRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, value: unknown) => {
      where.push(clause);
      params.push(value);
    };
    if (opts.endpointId) add('d.endpoint_id = ?', opts.endpointId);
    if (opts.partnerAppId) add('d.partner_app_id = ?', opts.partnerAppId);
    if (opts.status) add('d.status = ?', opts.status);
    params.push(Math.min(Math.max(opts.first, 1), 100));
    return em.execute<DeliveryRow[]>(
      `select d.id, d.event_id, d.endpoint_id, d.partner_app_id, ev.event_type, d.status, d.attempts, d.next_attempt_at,
              d.last_status_code, d.last_error, d.delivered_at, d.created_at
         from webhook_deliveries d join webhook_events ev on ev.id = d.event_id
        ${where.length ? `where ${where.join(' and ')}` : ''} order by d.id desc limit ?`,
      params,
    );
  }

  async attempts(em: EntityManager, deliveryIds: readonly string[]) {
    if (deliveryIds.length === 0) return [];
    return em.execute<
      {
        delivery_id: string;
        attempt: number;
        attempted_at: Date;
        status_code: number | null;
        error: string | null;
        duration_ms: number;
      }[]
    >(
      `select delivery_id, attempt, attempted_at, status_code, error, duration_ms from webhook_attempts
        where delivery_id in (${deliveryIds.map(() => '?').join(',')}) order by delivery_id, id`,
      [...deliveryIds],
    );
  }

  /** Send a dead (or pending) delivery again now, with a fresh round of attempts. */
  async retry(
    em: EntityManager,
    deliveryId: string,
    partnerAppId: string | null,
  ): Promise<boolean> {
    const rows = await em.execute(
      `update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now()
        where id = ? and status <> 'DELIVERED' ${partnerAppId ? 'and partner_app_id = ?' : ''} returning id`,
      partnerAppId ? [deliveryId, partnerAppId] : [deliveryId],
    );
    if (rows.length) await em.execute(`select pg_notify('creditline_delivery', 'webhooks')`);
    return rows.length > 0;
  }
}
