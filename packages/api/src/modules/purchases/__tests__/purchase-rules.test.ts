import { describe, expect, it } from 'vitest';
import {
  accountRuleHits,
  defaultFraudRules,
  evaluateFraudRules,
  type RuleFacts,
} from '../purchase-rules.js';

const facts = (f: Partial<RuleFacts>): RuleFacts => ({
  amountFen: 1_000,
  recentCount: 0,
  recentAmountFen: 0,
  deviceId: null,
  deviceKnown: false,
  phoneChangedAt: null,
  historyOrders: 0,
  categoryOrders: 0,
  now: new Date('2026-12-02T00:00:00Z'),
  ...f,
});

describe('the new-device rule', () => {
  const rules = {
    ...defaultFraudRules,
    newDevice: { ...defaultFraudRules.newDevice, minAmountFen: 0, missingDeviceIdAboveFen: 50_000 },
  };
  const codes = (f: Partial<RuleFacts>) => accountRuleHits(rules, facts(f)).map((h) => h.code);

  it('treats a missing device id above the policy amount as a new device, at or below it not', () => {
    expect(codes({ amountFen: 50_000 })).toEqual([]);
    expect(codes({ amountFen: 50_001 })).toEqual(['RISK_RULE_NEW_DEVICE']);
  });
  it('fires for an unknown device of any amount from the rule minimum, never for a known one', () => {
    expect(codes({ amountFen: 1, deviceId: 'd' })).toEqual(['RISK_RULE_NEW_DEVICE']);
    expect(codes({ amountFen: 1_000_000, deviceId: 'd', deviceKnown: true })).toEqual([]);
  });
  it('keeps its own minimum amount for both (default ¥2,000)', () => {
    const dflt = (f: Partial<RuleFacts>) =>
      evaluateFraudRules(defaultFraudRules, facts({ recentCount: 0, ...f })).map((h) => h.code);
    expect(dflt({ amountFen: 199_999 })).toEqual([]);
    expect(dflt({ amountFen: 200_000 })).toEqual(['RISK_RULE_NEW_DEVICE']);
  });
});
