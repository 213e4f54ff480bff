import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, as Stripe signs: `Creditline-Signature: t=<unix seconds>,v1=<hex>` where
 * v1 = HMAC-SHA256(endpoint secret, `${t}.${raw body}`). The timestamp inside the signed text
 * stops a captured request being replayed later (receivers reject an old `t`).
 */
export const SIGNATURE_HEADER = 'creditline-signature';

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

export function signWebhook(secret: string, timestamp: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${v1}`;
}

/**
 * Check a signature header against the raw body (the same code as in docs/partners.md): true
 * when one `v1` matches and `t` is within `toleranceSeconds` of now.
 */
export function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secret: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const got = Buffer.from(v ?? '', 'hex');
      return got.length === expected.length && timingSafeEqual(got, expected);
    });
}
