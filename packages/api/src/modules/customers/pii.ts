import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Personal data at rest: AES-256-GCM with a random IV per value; lookups go through a keyed
 * HMAC of the normalised value (blind index), so the clear text is never in an index.
 * Layout of a ciphertext: version (1 byte) | iv (12) | tag (16) | ciphertext.
 */
const VERSION = 1;

export function encryptPii(plain: string, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function decryptPii(blob: Buffer, key: Buffer): string {
  if (blob[0] !== VERSION) throw new Error(`unknown PII ciphertext version ${blob[0]}`);
  const decipher = createDecipheriv('aes-256-gcm', key, blob.subarray(1, 13));
  decipher.setAuthTag(blob.subarray(13, 29));
  return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]).toString('utf8');
}

/** Mainland mobile numbers: digits only, without a +86 / 0086 prefix. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/[\s\-()+]/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

export function normalizeNationalId(raw: string): string {
  return raw.replace(/\s/g, '').toUpperCase();
}

export const isPhone = (v: string): boolean => /^1[3-9]\d{9}$/.test(normalizePhone(v));
export const isNationalId = (v: string): boolean => /^\d{17}[\dX]$/.test(normalizeNationalId(v));

/**
 * Keyed hash for exact-match lookup; `kind` separates the index spaces (full phone, national ID,
 * and the phone's last four digits — what a caller reads out to an agent).
 */
export function blindIndex(
  kind: 'phone' | 'national_id' | 'phone_last4',
  normalized: string,
  key: Buffer,
): Buffer {
  return createHmac('sha256', key).update(kind).update('\0').update(normalized).digest();
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  const p = normalizePhone(phone);
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}

/** 1101**********123X: region prefix and the last four, never the birth date. */
export function maskNationalId(id: string): string {
  const v = normalizeNationalId(id);
  return v.length >= 8 ? `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}` : '****';
}

/** The GB 11643 check character of an 18-digit resident ID. */
export function nationalIdCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

/** The blind index of a phone's last four digits. */
export const phoneLast4Index = (phone: string, key: Buffer): Buffer =>
  blindIndex('phone_last4', normalizePhone(phone).slice(-4), key);
