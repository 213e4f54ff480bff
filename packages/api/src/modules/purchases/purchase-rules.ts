import { MISSING_DEVICE_ID_ABOVE_FEN } from '../plans/pricing.js';
import type { DeclineCodeEnum } from '../../graphql/enums.js';

/**
 * Purchase policy as data: the categories a partner may send, the anti-fraud rules, and what a
 * hit does. The rules are decided under the account row lock, on facts read after it — in the
 * batch's SQL (`creditline_authorize_batch`, migration Migration20261202200000_rules_under_lock,
 * which mirrors these functions) and in the category path's transaction (these functions) — so
 * concurrent requests, from any API process, cannot all see the same "recent" count.
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
  /**
   * A device neither bound to the customer nor used in a CAPTURED purchase of the account (a
   * declined, rejected, released or expired purchase teaches nothing). A purchase without a
   * device id above `missingDeviceIdAboveFen` (the scoring policy's value) counts as from a new device.
   */
  newDevice: {
    enabled: boolean;
    minAmountFen: number;
    missingDeviceIdAboveFen: number;
    action: RuleAction;
  };
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
  newDevice: {
    enabled: true,
    minAmountFen: 200_000,
    missingDeviceIdAboveFen: MISSING_DEVICE_ID_ABOVE_FEN,
    action: 'REVIEW',
  },
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

/** What the rules need to know. The first five are read under the account lock. */
export interface RuleFacts {
  amountFen: number;
  /** Authorizations of the account in the velocity window, whatever their decision. */
  recentCount: number;
  /** Amount of the account's HELD, CAPTURED and PENDING_REVIEW purchases in the window. */
  recentAmountFen: number;
  deviceId: string | null;
  /** The device is bound to the customer or was used in a captured purchase of the account. */
  deviceKnown: boolean;
  phoneChangedAt: Date | null;
  historyOrders: number;
  categoryOrders: number;
  now: Date;
}

/** The codes the fraud rules answer with; a DECLINE hit's code becomes the purchase's decline code. */
export const RULE_CODES = [
  'RISK_RULE_VELOCITY_COUNT',
  'RISK_RULE_VELOCITY_AMOUNT',
  'RISK_RULE_NEW_DEVICE',
  'RISK_RULE_PHONE_CHANGED',
  'RISK_RULE_UNUSUAL_CATEGORY',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
// Every rule code must be in the schema's DeclineCode enum: a rule set to DECLINE whose code is
// missing there would fail at run time when its purchase is read.
const ruleCodesCovered: [RuleCode] extends [keyof typeof DeclineCodeEnum] ? true : never = true;
void ruleCodesCovered;

export interface RuleHit {
  code: RuleCode;
  action: RuleAction;
}

/** Every rule that fires, in a fixed order (account rules, then profile rules). Pure. */
export function evaluateFraudRules(rules: FraudRules, f: RuleFacts): RuleHit[] {
  return [...accountRuleHits(rules, f), ...profileRuleHits(rules, f)];
}

/** The account rules: velocity (count, amount) and new device — they depend on other purchases. */
export function accountRuleHits(
  rules: FraudRules,
  f: Pick<RuleFacts, 'amountFen' | 'recentCount' | 'recentAmountFen' | 'deviceId' | 'deviceKnown'>,
): RuleHit[] {
  const hits: RuleHit[] = [];
  const v = rules.velocity;
  if (v.enabled && f.recentCount + 1 > v.maxCount)
    hits.push({ code: 'RISK_RULE_VELOCITY_COUNT', action: v.action });
  if (v.enabled && f.recentAmountFen + f.amountFen > v.maxAmountFen)
    hits.push({ code: 'RISK_RULE_VELOCITY_AMOUNT', action: v.action });
  const d = rules.newDevice;
  const newDevice = f.deviceId ? !f.deviceKnown : f.amountFen > d.missingDeviceIdAboveFen;
  if (d.enabled && newDevice && f.amountFen >= d.minAmountFen)
    hits.push({ code: 'RISK_RULE_NEW_DEVICE', action: d.action });
  return hits;
}

/** The profile rules: phone changed and unusual category — facts no authorization changes. */
export function profileRuleHits(
  rules: FraudRules,
  f: Pick<RuleFacts, 'amountFen' | 'phoneChangedAt' | 'historyOrders' | 'categoryOrders' | 'now'>,
): RuleHit[] {
  const hits: RuleHit[] = [];
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
