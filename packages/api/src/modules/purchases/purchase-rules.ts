/**
 * Purchase policy as data: the categories a partner may send, the anti-fraud rules, and what a
 * hit does. Rules are evaluated on facts read before the money transaction (they are advisory
 * and may lag by a request); the limit itself is enforced inside the transaction.
 */
/** The categories of the behaviour data (orders), so the unusual-category rule compares like with like. */
export { PURCHASE_CATEGORIES, type PurchaseCategory } from './categories.js';

export type RuleAction = 'DECLINE' | 'REVIEW';

export interface FraudRules {
  /** Too many authorizations (or too much money) for one account within a window. */
  velocity: {
    enabled: boolean;
    windowMinutes: number;
    maxCount: number;
    maxAmountFen: number;
    action: RuleAction;
  };
  /** A device never seen for this customer (neither bound nor used in an earlier purchase). */
  newDevice: { enabled: boolean; minAmountFen: number; action: RuleAction };
  /** The bound phone changed recently: a classic account-takeover signal. */
  phoneChanged: { enabled: boolean; withinDays: number; minAmountFen: number; action: RuleAction };
  /** A category the customer never bought in, for a customer with enough history to tell. */
  unusualCategory: {
    enabled: boolean;
    minHistoryOrders: number;
    minAmountFen: number;
    action: RuleAction;
  };
}

export const defaultFraudRules: FraudRules = {
  velocity: {
    enabled: true,
    windowMinutes: 10,
    maxCount: 10,
    maxAmountFen: 3_000_000,
    action: 'DECLINE',
  },
  newDevice: { enabled: true, minAmountFen: 200_000, action: 'REVIEW' },
  phoneChanged: { enabled: true, withinDays: 7, minAmountFen: 100_000, action: 'REVIEW' },
  unusualCategory: { enabled: true, minHistoryOrders: 10, minAmountFen: 500_000, action: 'REVIEW' },
};

/** Rules switched off (benchmarks and tests that hammer one account). */
export const noFraudRules: FraudRules = {
  velocity: { ...defaultFraudRules.velocity, enabled: false },
  newDevice: { ...defaultFraudRules.newDevice, enabled: false },
  phoneChanged: { ...defaultFraudRules.phoneChanged, enabled: false },
  unusualCategory: { ...defaultFraudRules.unusualCategory, enabled: false },
};

/** What the rules need to know, read in one query before the money transaction. */
export interface RuleFacts {
  amountFen: number;
  recentCount: number;
  recentAmountFen: number;
  deviceId: string | null;
  deviceKnown: boolean;
  phoneChangedAt: Date | null;
  historyOrders: number;
  categoryOrders: number;
  now: Date;
}

export interface RuleHit {
  code: string;
  action: RuleAction;
}

/** Every rule that fires, in a fixed order. Pure. */
export function evaluateFraudRules(rules: FraudRules, f: RuleFacts): RuleHit[] {
  const hits: RuleHit[] = [];
  const v = rules.velocity;
  if (v.enabled && f.recentCount + 1 > v.maxCount)
    hits.push({ code: 'RISK_RULE_VELOCITY_COUNT', action: v.action });
  if (v.enabled && f.recentAmountFen + f.amountFen > v.maxAmountFen)
    hits.push({ code: 'RISK_RULE_VELOCITY_AMOUNT', action: v.action });
  const d = rules.newDevice;
  if (d.enabled && f.deviceId && !f.deviceKnown && f.amountFen >= d.minAmountFen)
    hits.push({ code: 'RISK_RULE_NEW_DEVICE', action: d.action });
  const p = rules.phoneChanged;
  if (
    p.enabled &&
    f.phoneChangedAt &&
    f.now.getTime() - f.phoneChangedAt.getTime() < p.withinDays * 86_400_000 &&
    f.amountFen >= p.minAmountFen
  ) {
    hits.push({ code: 'RISK_RULE_PHONE_CHANGED', action: p.action });
  }
  const u = rules.unusualCategory;
  if (
    u.enabled &&
    f.historyOrders >= u.minHistoryOrders &&
    f.categoryOrders === 0 &&
    f.amountFen >= u.minAmountFen
  ) {
    hits.push({ code: 'RISK_RULE_UNUSUAL_CATEGORY', action: u.action });
  }
  return hits;
}
