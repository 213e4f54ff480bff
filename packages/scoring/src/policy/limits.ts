import { GRADES, type Grade, type IncomeBand, type LimitPolicy } from './policy.js';

/** Policy reason codes a limit decision can carry (each has zh-CN and en text in `explain`). */
export const LIMIT_REASON_CODES = [
  'POLICY_INITIAL_LIMIT',
  'POLICY_GRADE_TARGET',
  'POLICY_STEP_CAPPED',
  'POLICY_CAP',
  'POLICY_OVERDUE',
  'POLICY_FREEZE',
  'POLICY_RECENT_LATE',
  'POLICY_HIGH_PD',
  'POLICY_MONTHS_ON_BOOK',
  'POLICY_GRADE_NO_INCREASE',
  'POLICY_TRIGGERED_NO_INCREASE',
  'POLICY_NO_CHANGE',
  'POLICY_INQUIRY_SPIKE',
  'POLICY_KEEP_ABOVE_USED',
  'POLICY_NEW_DEFAULT',
  'POLICY_SAME_EVIDENCE',
  'POLICY_RISK_BUDGET',
] as const;
/** A policy reason code of a limit decision. */
export type LimitReasonCode = (typeof LIMIT_REASON_CODES)[number];

/** What a limit decision proposes: the new base limit (fen, whole ¥100), the action and why. */
export interface LimitProposal {
  limitFen: number;
  action: 'INCREASE' | 'DECREASE' | 'KEEP' | 'FREEZE';
  reasons: string[];
}

const YUAN_100 = 10_000;
/** Round down to whole ¥100 (limits are always whole hundreds of yuan). */
export const floorToHundredYuan = (fen: number): number =>
  Math.max(0, Math.floor(fen / YUAN_100) * YUAN_100);
const ceil100 = (fen: number) => Math.ceil(fen / YUAN_100) * YUAN_100;
/** fen × bp / 10000 rounded down, integer-exact for fen up to 2^53 / 10000 × bp. */
const bpOf = (fen: number, bp: number) => Math.floor((fen * bp) / 10_000);

/** Grades in order best→worst; `gradeRank('A') = 0`. */
export const gradeRank = (g: Grade): number => GRADES.indexOf(g);

/** The limit for a new customer: the grade's initial limit, never above the grade × income target nor the cap. */
export function decideInitialLimit(
  input: { score: number; grade: Grade; incomeBand: IncomeBand },
  policy: LimitPolicy,
): LimitProposal {
  const reasons: string[] = ['POLICY_INITIAL_LIMIT'];
  let limit = policy.initialLimitFen[input.grade];
  const target = policy.limitMatrixFen[input.grade][input.incomeBand];
  if (target < limit) {
    limit = target;
    reasons.push('POLICY_GRADE_TARGET');
  }
  if (limit > policy.capFen) {
    limit = policy.capFen;
    reasons.push('POLICY_CAP');
  }
  const limitFen = floorToHundredYuan(limit);
  return { limitFen, action: limitFen > 0 ? 'INCREASE' : 'KEEP', reasons };
}

/** Input of a periodic or triggered limit review. */
export interface LimitReviewInput {
  currentLimitFen: number;
  usedFen: number;
  score: number;
  grade: Grade;
  probabilityOfDefault: number;
  incomeBand: IncomeBand;
  maxDaysPastDue: number;
  monthsOnBook: number;
  kind: 'PERIODIC' | 'TRIGGERED';
}

/**
 * Review a base limit: move toward the grade × income target within the per-review step bounds
 * (an increase at most `maxStepUpBp` of the current limit, or up to the grade's initial limit when
 * the current limit is below it; a decrease at most `maxStepDownBp`), never above the cap, never
 * negative, whole ¥100 (increases rounded down; decreases stop at the step bound rounded up to ¥100
 * so the bound is never overshot). A decrease driven only by the grade × income target stops at the
 * used amount (rounded up to ¥100), so it never puts a customer over the limit; decreases for overdue
 * or high PD do not. Freezes at `freezeAfterDaysPastDue`; a limit over the cap is
 * brought down to the cap regardless of the step bound. Triggered reviews never increase.
 */
export function reviewLimit(input: LimitReviewInput, policy: LimitPolicy): LimitProposal {
  const cur = Math.max(0, Math.floor(input.currentLimitFen));
  const capFloor = floorToHundredYuan(policy.capFen);
  const reasons: string[] = [];

  if (input.maxDaysPastDue >= policy.freezeAfterDaysPastDue) {
    const limitFen = Math.min(cur, capFloor);
    return {
      limitFen,
      action: 'FREEZE',
      reasons:
        limitFen < cur
          ? ['POLICY_FREEZE', 'POLICY_OVERDUE', 'POLICY_CAP']
          : ['POLICY_FREEZE', 'POLICY_OVERDUE'],
    };
  }

  let target = policy.limitMatrixFen[input.grade][input.incomeBand];
  let forceDecrease = false;
  if (input.maxDaysPastDue >= policy.triggeredReview.maxDaysPastDue) {
    reasons.push('POLICY_OVERDUE');
    forceDecrease = true;
  } else if (input.probabilityOfDefault > policy.decreaseAbovePd) {
    reasons.push('POLICY_HIGH_PD');
    forceDecrease = true;
  }
  if (forceDecrease) target = Math.min(target, 0); // as far down as the step bound allows
  let desired = floorToHundredYuan(Math.min(target, policy.capFen));

  if (desired > cur) {
    const blocks: string[] = [];
    if (input.kind === 'TRIGGERED') blocks.push('POLICY_TRIGGERED_NO_INCREASE');
    if (input.maxDaysPastDue > 0) blocks.push('POLICY_RECENT_LATE');
    if (input.monthsOnBook < policy.minMonthsOnBookForIncrease)
      blocks.push('POLICY_MONTHS_ON_BOOK');
    if (policy.noIncreaseGrades.includes(input.grade)) blocks.push('POLICY_GRADE_NO_INCREASE');
    if (blocks.length > 0) {
      reasons.push(...blocks);
      desired = cur;
    } else {
      const upper = floorToHundredYuan(
        Math.min(
          policy.capFen,
          Math.max(cur + bpOf(cur, policy.maxStepUpBp), policy.initialLimitFen[input.grade]),
        ),
      );
      if (desired > upper) {
        reasons.push('POLICY_STEP_CAPPED');
        desired = upper;
      }
      if (target > policy.capFen) reasons.push('POLICY_CAP');
      if (desired > cur)
        return {
          limitFen: desired,
          action: 'INCREASE',
          reasons: ['POLICY_GRADE_TARGET', ...reasons],
        };
      desired = cur;
    }
  }

  if (desired < cur) {
    const lower = Math.min(cur, ceil100(cur - bpOf(cur, policy.maxStepDownBp)));
    let limitFen = desired;
    if (limitFen < lower) {
      limitFen = lower;
      reasons.push('POLICY_STEP_CAPPED');
    }
    // a decrease that is only a grade drift never pushes the customer over the limit; risk-driven ones may
    const usedFloor = Math.min(cur, ceil100(Math.max(0, input.usedFen)));
    if (!forceDecrease && limitFen < usedFloor) {
      limitFen = usedFloor;
      reasons.push('POLICY_KEEP_ABOVE_USED');
    }
    if (cur > capFloor && limitFen >= capFloor) {
      limitFen = capFloor;
      reasons.push('POLICY_CAP');
    }
    if (limitFen < cur)
      return {
        limitFen,
        action: 'DECREASE',
        reasons:
          forceDecrease || reasons.includes('POLICY_CAP')
            ? reasons
            : ['POLICY_GRADE_TARGET', ...reasons],
      };
  }

  if (cur > capFloor)
    return { limitFen: capFloor, action: 'DECREASE', reasons: [...reasons, 'POLICY_CAP'] };
  return {
    limitFen: cur,
    action: 'KEEP',
    reasons: reasons.length ? reasons : ['POLICY_NO_CHANGE'],
  };
}

/**
 * Whether an event calls for a triggered review now: days past due at the threshold, a spike in
 * bureau inquiries, or (when given both counts and the policy says so) a default the previous
 * bureau report did not show.
 */
export function triggeredReviewNeeded(
  input: {
    maxDaysPastDue: number;
    inquiries3m: number;
    previousInquiries3m: number;
    pastDefaults?: number;
    previousPastDefaults?: number;
  },
  policy: LimitPolicy,
): { needed: boolean; trigger?: string } {
  if (input.maxDaysPastDue >= policy.triggeredReview.maxDaysPastDue)
    return { needed: true, trigger: 'POLICY_OVERDUE' };
  if (
    policy.triggeredReview.newDefaultTriggers &&
    input.pastDefaults !== undefined &&
    input.previousPastDefaults !== undefined &&
    input.pastDefaults > input.previousPastDefaults
  )
    return { needed: true, trigger: 'POLICY_NEW_DEFAULT' };
  if (input.inquiries3m - input.previousInquiries3m >= policy.triggeredReview.inquiries3mSpike)
    return { needed: true, trigger: 'POLICY_INQUIRY_SPIKE' };
  return { needed: false };
}

/**
 * Temporary (promotion) limit in fen for a campaign: 0 unless the grade is eligible under both the
 * campaign and the policy; the campaign's amount, or its percent of the base limit; capped at the
 * policy's max percent of the base limit and at (cap − base); rounded down to ¥100.
 */
export function promotionGrant(
  input: {
    grade: Grade;
    baseLimitFen: number;
    campaign: { eligibleGrades: readonly string[]; amountFen?: number; percentBp?: number };
  },
  policy: LimitPolicy,
): number {
  const { grade, campaign } = input;
  const base = Math.max(0, Math.floor(input.baseLimitFen));
  if (!campaign.eligibleGrades.includes(grade) || !policy.promotion.eligibleGrades.includes(grade))
    return 0;
  const asked =
    campaign.amountFen ?? (campaign.percentBp !== undefined ? bpOf(base, campaign.percentBp) : 0);
  const grant = Math.min(
    Math.max(0, asked),
    bpOf(base, policy.promotion.maxPercentBp),
    Math.max(0, policy.capFen - base),
  );
  return floorToHundredYuan(grant);
}

/** Whether a purchase of this amount waits for manual review (at or above the policy threshold). */
export function needsManualReview(amountFen: number, policy: LimitPolicy): boolean {
  return amountFen >= policy.manualReviewThresholdFen;
}

/**
 * Whether a purchase that came without a device id counts as from a new device (strictly above
 * the policy amount), so that leaving the id out never gets around the new-device rule.
 */
export function missingDeviceIdIsNewDevice(amountFen: number, policy: LimitPolicy): boolean {
  return amountFen > policy.missingDeviceIdAboveFen;
}
