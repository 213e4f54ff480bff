import type { AccountFacts } from './behaviour.js';
import { gradeOf, platformFeatures, reviewLimit, scoreFeatures, type Features } from './scoring-adapter.js';

/** A review's outcome for one account: what goes into the decision row and onto the account. */
export interface ReviewOutcome {
  accountId: string;
  customerId: string;
  baseBefore: number;
  baseAfter: number;
  status: string;
  score: number;
  grade: string;
  pd: number;
  modelVersion: string;
  features: Features;
  reasons: { code: string; feature?: string; pointsLost?: number; value?: number | string | null }[];
  action: 'INCREASE' | 'DECREASE' | 'KEEP';
}

/** Pure: features → score → grade → bounded limit step. */
export function reviewAccount(f: AccountFacts, kind: 'PERIODIC' | 'TRIGGERED'): ReviewOutcome {
  const features = platformFeatures(f.behaviour);
  const s = scoreFeatures(features);
  const grade = gradeOf(s.score);
  const r = reviewLimit({
    currentLimitFen: f.baseLimitFen,
    usedFen: f.usedFen,
    score: s.score,
    grade,
    probabilityOfDefault: s.probabilityOfDefault,
    incomeBand: f.behaviour.incomeBand,
    maxDaysPastDue: f.behaviour.maxDaysPastDue,
    monthsOnBook: f.behaviour.monthsOnBook,
    kind,
  });
  return {
    accountId: f.accountId,
    customerId: f.customerId,
    baseBefore: f.baseLimitFen,
    baseAfter: r.limitFen,
    status: f.status,
    score: s.score,
    grade,
    pd: s.probabilityOfDefault,
    modelVersion: s.modelVersion,
    features,
    reasons: [...s.reasonCodes, ...r.reasons.map((code) => ({ code }))],
    action: r.action,
  };
}
