import type { AccountFacts } from './behaviour.js';
import {
  gradeOf,
  platformFeatures,
  reviewLimit,
  scoreFeatures,
  type Features,
} from './scoring-adapter.js';

/** A review's outcome for one account: what goes into the decision row and onto the account. */
export interface ReviewOutcome {
  accountId: string;
  customerId: string;
  baseBefore: number;
  baseAfter: number;
  status: string;
  statusAfter: string;
  score: number;
  grade: string;
  pd: number;
  modelVersion: string;
  features: Features;
  reasons: {
    code: string;
    feature?: string;
    pointsLost?: number;
    value?: number | string | null;
    bin?: string;
  }[];
  action: 'INCREASE' | 'DECREASE' | 'KEEP' | 'FREEZE';
}

/** Pure: behaviour → features → score → grade → bounded limit step (the scoring package's policy). */
export function reviewAccount(
  f: AccountFacts,
  kind: 'PERIODIC' | 'TRIGGERED',
  asOf: Date,
): ReviewOutcome {
  const features = platformFeatures(f.behaviour, asOf);
  const s = scoreFeatures(features);
  const grade = gradeOf(s.score);
  const r = reviewLimit({
    currentLimitFen: f.baseLimitFen,
    usedFen: f.usedFen,
    score: s.score,
    grade,
    probabilityOfDefault: s.probabilityOfDefault,
    incomeBand: f.incomeBand,
    maxDaysPastDue: f.maxDaysPastDue,
    monthsOnBook: f.monthsOnBook,
    kind,
  });
  return {
    accountId: f.accountId,
    customerId: f.customerId,
    baseBefore: f.baseLimitFen,
    baseAfter: r.limitFen,
    status: f.status,
    statusAfter: r.action === 'FREEZE' && f.status === 'ACTIVE' ? 'FROZEN' : f.status,
    score: s.score,
    grade,
    pd: s.probabilityOfDefault,
    modelVersion: s.modelVersion,
    features,
    reasons: [...r.reasons.map((code) => ({ code })), ...s.reasonCodes],
    action: r.action,
  };
}
