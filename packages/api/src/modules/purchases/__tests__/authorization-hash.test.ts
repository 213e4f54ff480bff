import { describe, expect, it } from 'vitest';
import { requestHash } from '../../idempotency/idempotency.service.js';
import { authorizationHash, type AuthorizeInput } from '../purchase.service.js';

/**
 * The authorization's own request hash must be byte-for-byte the generic one: a retry whose
 * first attempt was stored by the other (an older process, a record written before a deploy)
 * must still be recognised as the same request.
 */
describe('authorizationHash', () => {
  const cases: AuthorizeInput[] = [
    {
      accountId: '42',
      amountFen: 1,
      category: 'DIGITAL',
      merchant: 'shop',
      deviceId: null,
      idempotencyKey: 'k1',
    },
    {
      accountId: '9007199254740991',
      amountFen: 123456789,
      category: 'ELECTRONICS',
      merchant: 'Café "Zhōng" \\ 商店\n\u0000',
      deviceId: 'dev-ü',
      idempotencyKey: 'k2',
      linkScopes: ['purchases:write'],
    },
    { accountId: '7', amountFen: 0, category: 'X', merchant: '', idempotencyKey: 'k3' },
  ];
  for (const input of cases)
    it(`equals requestHash for ${input.idempotencyKey}`, () => {
      expect(authorizationHash(input)).toBe(
        requestHash({ ...input, idempotencyKey: undefined, linkScopes: undefined }),
      );
    });

  it('differs when any field differs', () => {
    const base = cases[0]!;
    const h = authorizationHash(base);
    expect(authorizationHash({ ...base, amountFen: 2 })).not.toBe(h);
    expect(authorizationHash({ ...base, deviceId: 'd' })).not.toBe(h);
    expect(authorizationHash({ ...base, deviceId: undefined })).not.toBe(h);
    expect(authorizationHash({ ...base, merchant: 'shop2' })).not.toBe(h);
    expect(authorizationHash({ ...base, idempotencyKey: 'other' })).toBe(h);
  });
});
