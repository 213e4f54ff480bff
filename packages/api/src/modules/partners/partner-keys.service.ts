import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { fail, ok, type Outcome } from '../../graphql/errors.js';
import type { Viewer } from '../auth/viewer.js';
import { writeAudit } from '../audit/audit.service.js';
import { PARTNER_SCOPES, PartnerApiKey, PartnerApp } from './partner-app.entity.js';

/** A rotated key keeps working this long by default, so the partner can deploy the new one. */
export const DEFAULT_ROTATION_GRACE_HOURS = 24;

export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new key: a public id (`pk_…`) and a secret shown once. */
export function newApiKey(): { keyId: string; secret: string } {
  return {
    keyId: `pk_${randomBytes(9).toString('base64url').replace(/-/g, '_')}`,
    secret: `sk_${randomBytes(24).toString('base64url')}`,
  };
}

function checkScopes(
  scopes: string[],
  within: readonly string[],
  field: string,
): Outcome<null, 'INVALID_SCOPE'> {
  const bad = scopes.filter((s) => !within.includes(s));
  return bad.length
    ? fail(
        'INVALID_SCOPE',
        within === PARTNER_SCOPES
          ? `Unknown scope ${bad.join(', ')}; scopes are ${PARTNER_SCOPES.join(', ')}.`
          : `The app does not have ${bad.join(', ')}; a key can only narrow the app's scopes.`,
        field,
      )
    : ok(null);
}

export interface IssuedKey {
  key: PartnerApiKey;
  /** `<keyId>.<secret>`: the X-Api-Key header value. Shown once, never stored. */
  apiKey: string;
}

/**
 * Partner apps and their API keys, managed by risk admins (GraphQL) or operators (the jobs CLI).
 * Every change is audited. Keys are looked up by their public id; the secret is compared by
 * SHA-256 (a random 192-bit secret needs no slow hash).
 */
export class PartnerKeyService {
  async createApp(
    em: EntityManager,
    actor: Viewer,
    input: { name: string; scopes: string[] },
  ): Promise<Outcome<{ app: PartnerApp } & IssuedKey, 'INVALID_NAME' | 'INVALID_SCOPE'>> {
    const name = input.name.trim();
    if (name.length < 2 || name.length > 100)
      return fail('INVALID_NAME', 'name is 2 to 100 characters.', 'name');
    const scopes = [...new Set(input.scopes)];
    const checked = checkScopes(scopes, PARTNER_SCOPES, 'scopes');
    if (!checked.ok) return checked;
    return em.transactional(async (tem) => {
      const app = Object.assign(new PartnerApp(), { name, scopes });
      await tem.persist(app).flush();
      const issued = await this.insertKey(tem, app, scopes, 'first key');
      await writeAudit(tem, actor, {
        action: 'PARTNER_APP_CREATED',
        targetType: 'PartnerApp',
        targetId: app.id,
        details: { name, scopes, keyId: issued.key.keyId },
      });
      return ok({ app, ...issued });
    });
  }

  private async insertKey(
    em: EntityManager,
    app: PartnerApp,
    scopes: string[],
    label: string | null,
  ): Promise<IssuedKey> {
    const { keyId, secret } = newApiKey();
    const key = Object.assign(new PartnerApiKey(), {
      partnerAppId: app.id,
      keyId,
      secretHash: hashApiSecret(secret),
      scopes,
      label,
    });
    await em.persist(key).flush();
    return { key, apiKey: `${keyId}.${secret}` };
  }

  /** Another key for an app (several may be live at once), optionally with fewer scopes. */
  async issueKey(
    em: EntityManager,
    actor: Viewer,
    input: { partnerAppId: string; scopes?: string[] | null; label?: string | null },
  ): Promise<Outcome<IssuedKey, 'INVALID_SCOPE' | 'PARTNER_APP_NOT_FOUND'>> {
    return em.transactional(async (tem) => {
      const app = await tem.findOne(PartnerApp, { id: input.partnerAppId, active: true });
      if (!app)
        return fail('PARTNER_APP_NOT_FOUND', 'There is no such partner app.', 'partnerAppId');
      const scopes = input.scopes?.length ? [...new Set(input.scopes)] : app.scopes;
      const checked = checkScopes(scopes, app.scopes, 'scopes');
      if (!checked.ok) return checked;
      const issued = await this.insertKey(tem, app, scopes, input.label ?? null);
      await writeAudit(tem, actor, {
        action: 'PARTNER_KEY_ISSUED',
        targetType: 'PartnerApiKey',
        targetId: issued.key.keyId,
        details: { partnerAppId: app.id, scopes },
      });
      return ok(issued);
    });
  }

  /**
   * Replace a key: a new key with the same scopes, and the old one ends after a grace period
   * (0 = at once). Other API processes notice within their key cache's few seconds.
   */
  async rotateKey(
    em: EntityManager,
    actor: Viewer,
    input: { keyId: string; graceHours?: number | null },
  ): Promise<Outcome<IssuedKey, 'INVALID_GRACE' | 'KEY_NOT_FOUND'>> {
    const grace = input.graceHours ?? DEFAULT_ROTATION_GRACE_HOURS;
    if (!Number.isInteger(grace) || grace < 0 || grace > 24 * 30)
      return fail('INVALID_GRACE', 'graceHours is a whole number from 0 to 720.', 'graceHours');
    return em.transactional(async (tem) => {
      const old = await tem.findOne(PartnerApiKey, { keyId: input.keyId, revokedAt: null });
      const app = old && (await tem.findOne(PartnerApp, { id: old.partnerAppId, active: true }));
      if (!old || !app || (old.expiresAt && old.expiresAt <= new Date()))
        return fail('KEY_NOT_FOUND', 'There is no live key with this id.', 'keyId');
      const ends = new Date(Date.now() + grace * 3_600_000);
      old.expiresAt = old.expiresAt && old.expiresAt < ends ? old.expiresAt : ends;
      const issued = await this.insertKey(tem, app, old.scopes, old.label ?? null);
      await writeAudit(tem, actor, {
        action: 'PARTNER_KEY_ROTATED',
        targetType: 'PartnerApiKey',
        targetId: old.keyId,
        details: { partnerAppId: app.id, newKeyId: issued.key.keyId, oldKeyEndsAt: old.expiresAt },
      });
      return ok(issued);
    });
  }

  /** End a key now. */
  async revokeKey(
    em: EntityManager,
    actor: Viewer,
    input: { keyId: string; reason?: string | null },
  ): Promise<Outcome<PartnerApiKey, 'KEY_NOT_FOUND'>> {
    return em.transactional(async (tem) => {
      const key = await tem.findOne(PartnerApiKey, { keyId: input.keyId, revokedAt: null });
      if (!key) return fail('KEY_NOT_FOUND', 'There is no live key with this id.', 'keyId');
      key.revokedAt = new Date();
      await writeAudit(tem, actor, {
        action: 'PARTNER_KEY_REVOKED',
        targetType: 'PartnerApiKey',
        targetId: key.keyId,
        details: { partnerAppId: key.partnerAppId, reason: input.reason ?? null },
      });
      return ok(key);
    });
  }

  async apps(em: EntityManager): Promise<PartnerApp[]> {
    return em.find(PartnerApp, {}, { orderBy: { id: 'asc' } });
  }

  async keysOf(em: EntityManager, partnerAppIds: readonly string[]): Promise<PartnerApiKey[]> {
    return em.find(
      PartnerApiKey,
      { partnerAppId: { $in: [...partnerAppIds] } },
      { orderBy: { id: 'asc' } },
    );
  }
}
