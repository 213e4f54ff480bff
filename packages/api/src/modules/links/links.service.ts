import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { actorOf, type Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { blindIndex, isPhone, normalizePhone } from '../customers/pii.js';
import { PARTNER_SCOPES } from '../partners/partner-app.entity.js';
import { PartnerLink } from './partner-link.entity.js';
import { emitPartnerEvent } from '../webhooks/webhook-events.js';

/** How long a one-time code works, how often it may be tried, how many a phone gets per window. */
export const LINK_CODE_TTL_MS = 5 * 60_000;
export const LINK_CODE_MAX_ATTEMPTS = 5;
const LINK_CODES_PER_PHONE = 3;
const LINK_CODE_WINDOW = '10 minutes';
/** A link lasts a year unless revoked; the customer consents again after that. */
export const LINK_TTL_DAYS = 365;
/**
 * How long an API process trusts a link it has read. A revocation on this process takes effect
 * at once (the entry is dropped); on other processes within this delay.
 */
export const LINK_CACHE_MS = 3_000;
const LINK_CACHE_MAX = 50_000;

/** The same answer for a wrong, expired, used or unknown code, so nothing can be probed. */
const BAD_CODE = () =>
  fail(
    'INVALID_LINK_CODE',
    'The code is wrong or has expired. Ask the customer for the newest code, or start the link again.',
    'code',
  );

/** Customer ↔ partner app links (授权): made by a one-time SMS code, checked on every partner path. */
export class PartnerLinkService {
  private readonly cache = new Map<string, { scopes: Set<string> | null; expires: number }>();

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
  ) {}

  /** The scopes an app's active link to a customer grants, or undefined when there is none. */
  async linkScopes(
    ctx: GraphQLContext,
    partnerAppId: string,
    customerId: string,
  ): Promise<Set<string> | undefined> {
    const key = `${partnerAppId}:${customerId}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.scopes ?? undefined;
    // A named statement on a pooled connection, not the ORM; when the request read the
    // customer's account, the link came in the account's own statement (graphql/loaders.ts).
    const scopes = await ctx.loaders.partnerLinkScopes(partnerAppId, customerId);
    if (this.cache.size >= LINK_CACHE_MAX) this.cache.clear();
    const set = scopes ? new Set(scopes) : null;
    this.cache.set(key, { scopes: set, expires: now + LINK_CACHE_MS });
    return set ?? undefined;
  }

  private codeHash(code: string): string {
    return createHmac('sha256', this.config.secrets.blindIndexKey)
      .update(`partner-link-code:${code}`)
      .digest('hex');
  }

  /**
   * A partner asks to link the customer with this phone. The customer gets a one-time code by
   * SMS; the partner gets a request id. A phone that is nobody's gets the same answer (and no
   * SMS), so the call cannot test whether someone is a customer.
   */
  async start(
    em: EntityManager,
    viewer: Extract<Viewer, { kind: 'partner' }>,
    input: { phone: string; scopes?: string[] | null },
  ): Promise<
    Outcome<
      { requestId: string; expiresAt: Date },
      'INVALID_PHONE' | 'INVALID_SCOPE' | 'SCOPE_NOT_GRANTED' | 'TOO_MANY_LINK_CODES'
    >
  > {
    if (!isPhone(input.phone))
      return fail('INVALID_PHONE', 'phone must be a mainland mobile number (11 digits).', 'phone');
    const app = await em.execute<{ name: string; scopes: string[]; active: boolean }[]>(
      `select name, scopes, active from partner_apps where id = ?`,
      [viewer.id],
    );
    const appScopes = app[0]?.scopes ?? [];
    const scopes = input.scopes?.length ? [...new Set(input.scopes)] : appScopes;
    const unknown = scopes.filter((s) => !(PARTNER_SCOPES as readonly string[]).includes(s));
    if (unknown.length)
      return fail(
        'INVALID_SCOPE',
        `Unknown scope ${unknown.join(', ')}; scopes are ${PARTNER_SCOPES.join(', ')}.`,
        'scopes',
      );
    const beyond = scopes.filter((s) => !appScopes.includes(s));
    if (beyond.length)
      return fail(
        'SCOPE_NOT_GRANTED',
        `This app was not given ${beyond.join(', ')}; a link can only ask for the app's own scopes.`,
        'scopes',
      );
    const phoneHash = blindIndex(
      'phone',
      normalizePhone(input.phone),
      this.config.secrets.blindIndexKey,
    );
    return em.transactional(async (tem) => {
      // Per app and phone, a few codes per window: no SMS flooding, and no code guessing by restarting.
      const [recent] = await tem.execute<{ n: string }[]>(
        `select count(*)::text as n from partner_link_requests
          where partner_app_id = ? and phone_hash = ? and created_at > now() - interval '${LINK_CODE_WINDOW}'`,
        [viewer.id, phoneHash],
      );
      if (Number(recent?.n ?? 0) >= LINK_CODES_PER_PHONE)
        return fail(
          'TOO_MANY_LINK_CODES',
          'Too many codes were sent to this phone; wait 10 minutes and start again.',
          'phone',
        );
      const [customer] = await tem.execute<{ id: string }[]>(
        `select id::text from customers where phone_hash = ?`,
        [phoneHash],
      );
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS);
      const [req] = await tem.execute<{ id: string }[]>(
        `insert into partner_link_requests (partner_app_id, customer_id, phone_hash, scopes, code_hash, expires_at)
         values (?, ?, ?, ?, ?, ?) returning id::text`,
        [
          viewer.id,
          customer?.id ?? null,
          phoneHash,
          `{${scopes.join(',')}}`,
          this.codeHash(code),
          expiresAt,
        ],
      );
      const requestId = req!.id;
      if (customer) {
        await this.sendCode(tem, customer.id, requestId, app[0]!.name, code, scopes);
        await writeAudit(tem, viewer, {
          action: 'PARTNER_LINK_STARTED',
          customerId: customer.id,
          targetType: 'PartnerLinkRequest',
          targetId: requestId,
          details: { partnerAppId: viewer.id, scopes },
        });
      }
      return ok({ requestId, expiresAt });
    });
  }

  /** The code goes out as an SMS notice through the outbox (delivered by the notice jobs). */
  private async sendCode(
    em: EntityManager,
    customerId: string,
    requestId: string,
    partnerName: string,
    code: string,
    scopes: string[],
  ): Promise<void> {
    const minutes = LINK_CODE_TTL_MS / 60_000;
    const text = {
      'zh-CN': `【Creditline】验证码 ${code}：${partnerName} 申请使用您的白条额度（${scopes.map(scopeZh).join('、')}）。${minutes} 分钟内有效。如非本人操作，请勿告诉任何人，并联系客服。`,
      en: `[Creditline] Code ${code}: ${partnerName} asks to use your credit line (${scopes.join(', ')}). Valid for ${minutes} minutes. If this was not you, do not share it and contact support.`,
    };
    const [n] = await em.execute<{ id: string }[]>(
      `insert into notices (customer_id, kind, channel, event_key, payload)
       values (?, 'PARTNER_LINK_CODE', 'SMS', ?, ?) returning id::text`,
      [
        customerId,
        `partner-link:${requestId}`,
        JSON.stringify({ requestId, code, partnerName, text }),
      ],
    );
    await em.execute(
      `insert into notice_outbox (notice_id, customer_id, channel) values (?, ?, 'SMS')`,
      [n!.id, customerId],
    );
    // Readable in development until a real SMS gateway is configured; never logged in production.
    if (this.config.NODE_ENV !== 'production')
      this.logger.debug({ customerId, requestId, code }, 'partner link code (development only)');
  }

  /**
   * The partner confirms with the code the customer read out. One statement decides: a right,
   * unexpired code on a pending request confirms it (once); a wrong one counts an attempt, and
   * the fifth wrong attempt ends the request.
   */
  async confirm(
    em: EntityManager,
    viewer: Extract<Viewer, { kind: 'partner' }>,
    input: { requestId: string; code: string },
  ): Promise<Outcome<{ linkId: string }, 'INVALID_LINK_CODE'>> {
    if (!/^\d{6}$/.test(input.code)) return BAD_CODE();
    const given = Buffer.from(this.codeHash(input.code), 'hex');
    return em.transactional(async (tem) => {
      const [req] = await tem.execute<
        { code_hash: string; customer_id: string | null; scopes: string[]; live: boolean }[]
      >(
        `select code_hash, customer_id::text, scopes, expires_at > now() as live
           from partner_link_requests
          where id = ? and partner_app_id = ? and status = 'PENDING' for update`,
        [input.requestId, viewer.id],
      );
      if (!req) return BAD_CODE();
      const stored = Buffer.from(req.code_hash, 'hex');
      const right =
        req.live &&
        req.customer_id !== null &&
        stored.length === given.length &&
        timingSafeEqual(stored, given);
      if (!right) {
        await tem.execute(
          `update partner_link_requests
              set attempts = attempts + 1,
                  status = case when attempts + 1 >= ? or expires_at <= now() then 'FAILED' else status end
            where id = ?`,
          [LINK_CODE_MAX_ATTEMPTS, input.requestId],
        );
        return BAD_CODE();
      }
      await tem.execute(
        `update partner_link_requests set status = 'CONFIRMED', confirmed_at = now(), attempts = attempts + 1 where id = ?`,
        [input.requestId],
      );
      const [link] = await tem.execute<{ id: string }[]>(
        `insert into partner_links (partner_app_id, customer_id, scopes, expires_at)
         values (?, ?, ?, now() + interval '${LINK_TTL_DAYS} days')
         on conflict (customer_id, partner_app_id) where status = 'ACTIVE'
         do update set scopes = excluded.scopes, expires_at = excluded.expires_at
         returning id::text`,
        [viewer.id, req.customer_id, `{${req.scopes.join(',')}}`],
      );
      await writeAudit(tem, viewer, {
        action: 'PARTNER_LINK_CONFIRMED',
        customerId: req.customer_id,
        targetType: 'PartnerLink',
        targetId: link!.id,
        details: { partnerAppId: viewer.id, scopes: req.scopes },
      });
      this.cache.delete(`${viewer.id}:${req.customer_id}`);
      return ok({ linkId: link!.id });
    });
  }

  /**
   * End a link: the partner app itself, support for the customer (an agent, with a reason), or a
   * risk admin. A partner can only end its own links; another app's link looks missing.
   */
  async revoke(
    em: EntityManager,
    viewer: Viewer,
    input: { linkId: string; reason: string | null },
  ): Promise<Outcome<{ linkId: string }, 'LINK_NOT_FOUND' | 'REASON_REQUIRED'>> {
    if (viewer.kind === 'agent' && !input.reason?.trim())
      return fail(
        'REASON_REQUIRED',
        'Say why the link is revoked (the customer asked, fraud, …).',
        'reason',
      );
    const { actorType, actorId } = actorOf(viewer);
    return em.transactional(async (tem) => {
      const [row] = await tem.execute<{ customer_id: string; partner_app_id: string }[]>(
        `update partner_links
            set status = 'REVOKED', revoked_at = now(), revoked_by_type = ?, revoked_by_id = ?, revoke_reason = ?
          where id = ? and status = 'ACTIVE' ${viewer.kind === 'partner' ? 'and partner_app_id = ?' : ''}
          returning customer_id::text, partner_app_id::text`,
        [
          actorType,
          actorId,
          input.reason?.trim() || null,
          input.linkId,
          ...(viewer.kind === 'partner' ? [viewer.id] : []),
        ],
      );
      if (!row) return fail('LINK_NOT_FOUND', 'There is no active link with this id.', 'linkId');
      await writeAudit(tem, viewer, {
        action: 'PARTNER_LINK_REVOKED',
        customerId: row.customer_id,
        targetType: 'PartnerLink',
        targetId: input.linkId,
        details: { partnerAppId: row.partner_app_id, reason: input.reason ?? null },
      });
      await tem.execute(
        `insert into notices (customer_id, kind, channel, event_key, payload)
         values (?, 'PARTNER_LINK_CHANGED', 'IN_APP', ?, ?) on conflict do nothing`,
        [
          row.customer_id,
          `partner-link-revoked:${input.linkId}`,
          JSON.stringify({
            linkId: input.linkId,
            partnerAppId: row.partner_app_id,
            text: {
              'zh-CN':
                '一个合作方应用已不能再使用您的白条额度（授权已解除）。如需继续使用，请在该应用中重新授权。',
              en: 'A partner app can no longer use your credit line (its link was revoked). To use it again, link it again in that app.',
            },
          }),
        ],
      );
      // The app hears it by webhook too (in this transaction: no revoke, no event).
      await emitPartnerEvent(tem, {
        type: 'LINK_REVOKED',
        customerId: row.customer_id,
        partnerAppId: row.partner_app_id,
        data: { linkId: input.linkId, revokedBy: actorType },
      });
      this.cache.delete(`${row.partner_app_id}:${row.customer_id}`);
      return ok({ linkId: input.linkId });
    });
  }

  /** Links of one app (partner view) or of one customer (staff view), newest first. */
  async list(
    em: EntityManager,
    where: { partnerAppId?: string; customerId?: string },
    page: { size: number; afterId?: string },
  ): Promise<PartnerLink[]> {
    return em.find(
      PartnerLink,
      {
        ...(where.partnerAppId ? { partnerAppId: where.partnerAppId } : {}),
        ...(where.customerId ? { customerId: where.customerId } : {}),
        ...(page.afterId ? { id: { $lt: page.afterId } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: page.size + 1 },
    );
  }
}

function scopeZh(s: string): string {
  return (
    {
      'limits:read': '查看额度',
      'quotes:read': '分期报价',
      'purchases:write': '支付',
      'repayments:write': '还款',
      'accounts:apply': '开通额度',
    }[s] ?? s
  );
}
