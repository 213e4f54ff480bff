import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../../test/harness.js';
import { insertCustomer } from '../../../../test/fixtures.js';
import { noFraudRules } from '../../purchases/purchase-rules.js';
import {
  CAPTURE,
  RELEASE,
  authorize,
  key,
  partner,
} from '../../purchases/__tests__/money-helpers.js';

const api = useTestApi();

describe('replaying a stored refusal', () => {
  it('serialises a result stored before per-payload codes and path fields (code a string, field a string)', async () => {
    api.app.services.purchases.rules = noFraudRules;
    const p = await partner(api);
    const c = await insertCustomer(api, { baseLimitFen: 100_000 });
    const held = await authorize(api, p, c.accountId, '10.00');
    const released = await api.exec<any>(p, RELEASE, {
      input: { purchaseId: held.purchase.id, idempotencyKey: key() },
    });
    expect(released.data!.releasePurchase.userErrors).toEqual([]);
    // A capture of a released purchase is refused inside the idempotent step: the refusal is stored.
    const input = { purchaseId: held.purchase.id, idempotencyKey: key('old-replay') };
    const firstRes = await api.exec<any>(p, CAPTURE, { input });
    expect(firstRes.errors).toBeUndefined();
    const first = firstRes.data!.capturePurchase;
    expect(first.userErrors).toEqual([
      { code: 'PURCHASE_NOT_HELD', field: ['purchaseId'], message: expect.any(String) },
    ]);
    // What an older deploy stored: `field` a plain (dotted) string.
    const updated = await api.sql<{ key: string }>(
      `update idempotency_records set response = ?::jsonb where key = ? returning key`,
      [
        JSON.stringify({
          ok: false,
          errors: [
            {
              code: 'PURCHASE_NOT_HELD',
              message: 'The purchase is not held.',
              field: 'purchaseId',
            },
          ],
        }),
        input.idempotencyKey,
      ],
    );
    expect(updated).toHaveLength(1);
    const res = await api.exec<any>(p, CAPTURE, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data!.capturePurchase.userErrors).toEqual([
      { code: 'PURCHASE_NOT_HELD', field: ['purchaseId'], message: 'The purchase is not held.' },
    ]);
  });
});
