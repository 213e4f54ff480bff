import { z } from 'zod';

/** Credit grades, best (A) to worst (E). */
export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
/** A credit grade (信用等级), best `A` to worst `E`. */
export type Grade = (typeof GRADES)[number];
/** Declared income bands of a customer. */
export const INCOME_BANDS = ['LOW', 'MID', 'HIGH', 'VERY_HIGH'] as const;
/** A declared income band. */
export type IncomeBand = (typeof INCOME_BANDS)[number];
/** Installment terms offered on a purchase. */
export const TERMS = ['DEFERRED_30', 'M3', 'M6', 'M9', 'M12', 'M24'] as const;
/** An installment term: `DEFERRED_30` (one payment in 30 days, no fee) or 3–24 monthly periods. */
export type Term = (typeof TERMS)[number];
/** Installment terms that carry a fee (every term but DEFERRED_30). */
export const FEE_TERMS = ['M3', 'M6', 'M9', 'M12', 'M24'] as const;

const fen = z.number().int().nonnegative();
const bp = z.number().int().nonnegative();
const byGrade = <T extends z.ZodType>(t: T) => z.object({ A: t, B: t, C: t, D: t, E: t });
const byIncome = <T extends z.ZodType>(t: T) => z.object({ LOW: t, MID: t, HIGH: t, VERY_HIGH: t });
const gradeEnum = z.enum(GRADES);

const couponSchema = z.object({
  /** Number of periods (from the first) whose fee is waived. */
  freePeriods: z.number().int().positive(),
  /** Terms the coupon applies to. */
  terms: z.array(z.enum(TERMS)).min(1),
});

/** Defaults of the revolving section (used when a policy file has none). */
export const DEFAULT_REVOLVING_POLICY = {
  eligibleGrades: ['A', 'B'] as Grade[],
  minTenureDays: 180,
  minOnTimeInstallments: 6,
  maxPastDaysPastDue: 0,
  offerValidDays: 30,
  dueDays: 20,
  dailyInterestPpm: 500,
  minimumPaymentShareBp: 1_000,
  minimumPaymentFloorFen: 10_000,
  lateFeeBp: 500,
  pointsPerYuan: 1,
  fenPerPoint: 1,
};

const revolvingPolicySchema = z.object({
  /** Grades that may be offered the upgrade. */
  eligibleGrades: z.array(gradeEnum),
  /** Days since the account was opened. */
  minTenureDays: z.number().int().nonnegative(),
  /** Installments paid on time (by their due date) the customer must have. */
  minOnTimeInstallments: z.number().int().nonnegative(),
  /** Worst days past due ever allowed (0: never late). */
  maxPastDaysPastDue: z.number().int().nonnegative(),
  /** Days an offer stays open. */
  offerValidDays: z.number().int().positive(),
  /** Days from the statement date to the due date. */
  dueDays: z.number().int().min(1).max(28),
  /** Revolving interest per day, parts per million of the unpaid statement balance (500 = 0.05 %). */
  dailyInterestPpm: z.number().int().nonnegative(),
  /** Minimum payment: this share (bp) of the statement balance before interest and fees … */
  minimumPaymentShareBp: bp.max(10_000),
  /** … plus the cycle's interest and fees, and never below this floor (nor above the balance). */
  minimumPaymentFloorFen: fen,
  /** Late fee when the minimum is not paid by the due date: bp of the unpaid minimum, once per statement. */
  lateFeeBp: bp,
  /** Reward points per whole yuan spent (net of refunds) in a cycle. */
  pointsPerYuan: z.number().int().nonnegative(),
  /** What one point is worth when redeemed against a statement, fen. */
  fenPerPoint: z.number().int().positive(),
});

const policyObject = z.object({
  version: z.string().min(1),
  /** Minimum score for each grade A–D (E is everything below D's cut-off); strictly decreasing. */
  gradeBands: z.object({
    A: z.number().int(),
    B: z.number().int(),
    C: z.number().int(),
    D: z.number().int(),
  }),
  /** Limit given to a new customer, by grade (low on purpose). */
  initialLimitFen: byGrade(fen),
  /** Target base limit for an established customer: grade × income band. */
  limitMatrixFen: byGrade(byIncome(fen)),
  /** Per-customer cap on the base limit. */
  capFen: fen.positive(),
  /** Largest increase a periodic review may give, in bp of the current limit. */
  maxStepUpBp: bp,
  /** Largest decrease a periodic review may make, in bp of the current limit. */
  maxStepDownBp: bp.max(10_000),
  /** Minimum months on book before any increase. */
  minMonthsOnBookForIncrease: z.number().int().nonnegative(),
  /**
   * Days between two reviews of one account by the periodic review: an account reviewed more
   * recently (by any review) is not due. Without it, running the review twice would take two steps.
   */
  periodicReviewIntervalDays: z.number().int().positive(),
  /** Grades whose limit may never be increased by a review. */
  noIncreaseGrades: z.array(gradeEnum),
  /** Probability of default above which a review decreases the limit regardless of grade. */
  decreaseAbovePd: z.number().min(0).max(1),
  triggeredReview: z.object({
    /** Days past due at which a review is triggered. */
    maxDaysPastDue: z.number().int().positive(),
    /** Rise of 3-month bureau inquiries over the previous value that triggers a review. */
    inquiries3mSpike: z.number().int().positive(),
    /** A default reported at the bureau that the previous report did not show triggers a review. */
    newDefaultTriggers: z.boolean().default(true),
    /**
     * Days after a review during which another triggered review on the same evidence is refused
     * (and a triggered review never cuts twice on the same evidence at all): without it an agent
     * could cut the same customer's limit again and again on unchanged data.
     */
    cooldownDays: z.number().int().nonnegative().default(30),
  }),
  /** Applications for a credit line (a new customer's first account). */
  application: z
    .object({
      /** Grades that are declined outright. */
      declineGrades: z.array(gradeEnum),
      /** Probability of default above which an application is declined. */
      declineAbovePd: z.number().min(0).max(1),
      /** Worst days past due (last 12 months, any lender we know of) above which an application is declined. */
      declineAboveDaysPastDue: z.number().int().nonnegative(),
      /** Past defaults at the bureau at or above which an application is declined. */
      declinePastDefaults: z.number().int().positive(),
      /** Whether real-name verification (实名认证) is required to open a line. */
      requireRealName: z.boolean(),
    })
    .default({
      declineGrades: ['E'],
      declineAbovePd: 0.35,
      declineAboveDaysPastDue: 30,
      declinePastDefaults: 2,
      requireRealName: true,
    }),
  /** Risk-alert rules that freeze an account by themselves (a risk admin can always freeze by hand). */
  riskAlert: z
    .object({
      /** Freeze (RISK_ALERT_BUREAU_DEFAULT) when the bureau reports a new default. */
      freezeOnNewBureauDefault: z.boolean(),
    })
    .default({ freezeOnNewBureauDefault: true }),
  /** Days past due at which the account is frozen. */
  freezeAfterDaysPastDue: z.number().int().positive(),
  promotion: z.object({
    /** Grades a promotion may ever be granted to (intersected with the campaign's). */
    eligibleGrades: z.array(gradeEnum),
    /** Largest temporary limit as bp of the base limit. */
    maxPercentBp: bp,
    /**
     * Whether promotions stack: false = an account holding a temporary limit whose window
     * overlaps a new campaign's is not granted the new one (one promotion at a time).
     */
    stack: z.boolean().default(false),
  }),
  /** A purchase at or above this amount waits for manual review. */
  manualReviewThresholdFen: fen.positive(),
  /**
   * A purchase without a device id above this amount is treated as coming from a new device
   * (the API's new-device rule then applies): a missing id must not be a way around that rule.
   * Optional in a policy file (older files predate it); the default is ¥500.
   */
  missingDeviceIdAboveFen: fen.default(50_000),
  /** Fee rate per period (bp of the principal), by grade and term. DEFERRED_30 is always free. */
  feeRateBp: byGrade(z.object({ M3: bp, M6: bp, M9: bp, M12: bp, M24: bp })),
  /** Late fee per day past due, bp of the overdue amount. */
  lateFeeBpPerDay: bp,
  /** Total late fee cap, bp of the overdue amount. */
  lateFeeCapBp: bp,
  /** Interest-free coupons by code (legacy: the API issues coupons from campaigns instead). */
  coupons: z.record(z.string().min(1), couponSchema),
  /** Days a purchase hold may be extended by, once (a shipment slower than the hold). */
  holdExtensionDays: z.number().int().positive().default(7),
  recovery: z.object({
    /** Worst grade (inclusive) that may be approved automatically. */
    autoApproveMinGrade: gradeEnum,
    /** Largest probability of default approved automatically. */
    autoApproveMaxPd: z.number().min(0).max(1),
    /** Above this past delinquency (days) a request is rejected. */
    rejectAboveDaysPastDue: z.number().int().nonnegative(),
    /** Share of the restoration given at once, bp. */
    immediateShareBp: bp.max(10_000),
    /** On-time repayments required before each later stage. */
    onTimeRepaymentsPerStage: z.number().int().positive(),
    /**
     * Window (days from the approval) in which on-time repayments count towards later stages:
     * only installments due in it and paid within their own period (not before it began).
     */
    onTimeWindowDays: z.number().int().positive().default(365),
    /** Number of stages after the first (the rest is split evenly over them). */
    laterStages: z.number().int().positive(),
    /** Documents required, by request type. */
    documentsRequired: z.object({
      UNFREEZE: z.number().int().nonnegative(),
      RESTORE_REDUCTION: z.number().int().nonnegative(),
      INCREASE: z.number().int().nonnegative(),
    }),
    /** Default increase asked for when none is requested, bp of the current limit. */
    defaultIncreaseBp: bp,
    /**
     * When a customer frozen for an overdue has repaid every overdue amount: `UNFREEZE` the
     * account at once, or open an UNFREEZE recovery request (`RECOVERY_REQUEST`) that is
     * reviewed like any other (fresh score, rules, maybe a supervisor).
     */
    afterOverdueRepaid: z.enum(['UNFREEZE', 'RECOVERY_REQUEST']).default('RECOVERY_REQUEST'),
  }),
  /**
   * The revolving upgrade (seed 004: 白条 → credit card): who may be offered it, and the card's
   * statement cycle, minimum payment, interest, late fee and reward points. Optional in a policy
   * file (older files predate it): the defaults below apply.
   */
  revolving: revolvingPolicySchema.default(DEFAULT_REVOLVING_POLICY),
  /**
   * Portfolio risk budget (seed 003): caps on total exposure (the sum of base limits) and on
   * expected loss (Σ limit × PD × LGD), overall and per grade. Reviews that would break it have
   * their increases scaled down (`applyRiskBudget`, reason `POLICY_RISK_BUDGET`). Optional: a
   * policy without one has no budget.
   */
  riskBudget: z
    .object({
      /** Loss given default, bp of the exposure (unsecured consumer credit: ~8,000). */
      lossGivenDefaultBp: bp.max(10_000),
      /** Cap on the sum of base limits, fen. */
      maxExposureFen: fen.positive().optional(),
      /** Cap on the expected loss, fen. */
      maxExpectedLossFen: fen.positive().optional(),
      /** The same caps per grade. */
      byGrade: z
        .object({
          A: z
            .object({
              maxExposureFen: fen.positive().optional(),
              maxExpectedLossFen: fen.positive().optional(),
            })
            .optional(),
          B: z
            .object({
              maxExposureFen: fen.positive().optional(),
              maxExpectedLossFen: fen.positive().optional(),
            })
            .optional(),
          C: z
            .object({
              maxExposureFen: fen.positive().optional(),
              maxExpectedLossFen: fen.positive().optional(),
            })
            .optional(),
          D: z
            .object({
              maxExposureFen: fen.positive().optional(),
              maxExpectedLossFen: fen.positive().optional(),
            })
            .optional(),
          E: z
            .object({
              maxExposureFen: fen.positive().optional(),
              maxExpectedLossFen: fen.positive().optional(),
            })
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/** The limit and pricing policy: one validated data object (DESIGN.md: policy is data, not code). */
export type LimitPolicy = z.infer<typeof policyObject>;

/** zod schema of {@link LimitPolicy}, with the cross-field rules (bands ordered, cap above every limit…). */
export const limitPolicySchema = policyObject.superRefine((p, ctx) => {
  const b = p.gradeBands;
  if (!(b.A > b.B && b.B > b.C && b.C > b.D))
    ctx.addIssue({
      code: 'custom',
      path: ['gradeBands'],
      message: `grade bands must be strictly decreasing A > B > C > D, got A=${b.A} B=${b.B} C=${b.C} D=${b.D} (overlapping bands)`,
    });
  for (const g of GRADES) {
    if (p.initialLimitFen[g] > p.capFen)
      ctx.addIssue({
        code: 'custom',
        path: ['initialLimitFen', g],
        message: `initial limit of grade ${g} (${p.initialLimitFen[g]} fen) is above the cap (${p.capFen} fen)`,
      });
    if (p.initialLimitFen[g] % 10_000 !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['initialLimitFen', g],
        message: `initial limit of grade ${g} must be whole ¥100 (multiple of 10000 fen)`,
      });
    for (const i of INCOME_BANDS) {
      if (p.limitMatrixFen[g][i] > p.capFen)
        ctx.addIssue({
          code: 'custom',
          path: ['limitMatrixFen', g, i],
          message: `limit matrix ${g}/${i} (${p.limitMatrixFen[g][i]} fen) is above the cap (${p.capFen} fen)`,
        });
    }
  }
  for (let k = 1; k < GRADES.length; k++) {
    const hi = GRADES[k - 1]!;
    const lo = GRADES[k]!;
    for (const t of FEE_TERMS) {
      if (p.feeRateBp[lo][t] < p.feeRateBp[hi][t])
        ctx.addIssue({
          code: 'custom',
          path: ['feeRateBp', lo, t],
          message: `fee rate of grade ${lo} ${t} is below grade ${hi}'s: worse grades must not pay less`,
        });
    }
  }
  if (p.lateFeeCapBp < p.lateFeeBpPerDay)
    ctx.addIssue({
      code: 'custom',
      path: ['lateFeeCapBp'],
      message: 'late fee cap is below one day of late fee',
    });
  if (p.triggeredReview.maxDaysPastDue > p.freezeAfterDaysPastDue)
    ctx.addIssue({
      code: 'custom',
      path: ['triggeredReview', 'maxDaysPastDue'],
      message: 'a review must be triggered no later than the freeze',
    });
});

/** The shipped default policy (¥50,000 cap, ¥500–¥3,000 initial limits). */
export const defaultPolicy: LimitPolicy = {
  version: 'policy-2026.11',
  // cut-offs of the platform-v1 model's training score distribution (models/platform-v1.json gradeBands)
  gradeBands: { A: 570, B: 553, C: 536, D: 504 },
  initialLimitFen: { A: 300_000, B: 200_000, C: 150_000, D: 100_000, E: 50_000 },
  limitMatrixFen: {
    A: { LOW: 1_500_000, MID: 2_500_000, HIGH: 4_000_000, VERY_HIGH: 5_000_000 },
    B: { LOW: 1_000_000, MID: 1_800_000, HIGH: 3_000_000, VERY_HIGH: 4_000_000 },
    C: { LOW: 600_000, MID: 1_000_000, HIGH: 1_800_000, VERY_HIGH: 2_500_000 },
    D: { LOW: 300_000, MID: 500_000, HIGH: 800_000, VERY_HIGH: 1_000_000 },
    E: { LOW: 100_000, MID: 150_000, HIGH: 200_000, VERY_HIGH: 300_000 },
  },
  capFen: 5_000_000,
  maxStepUpBp: 5_000,
  maxStepDownBp: 3_000,
  minMonthsOnBookForIncrease: 3,
  periodicReviewIntervalDays: 30,
  noIncreaseGrades: ['E'],
  decreaseAbovePd: 0.3,
  triggeredReview: {
    maxDaysPastDue: 15,
    inquiries3mSpike: 3,
    newDefaultTriggers: true,
    cooldownDays: 30,
  },
  application: {
    declineGrades: ['E'],
    declineAbovePd: 0.35,
    declineAboveDaysPastDue: 30,
    declinePastDefaults: 2,
    requireRealName: true,
  },
  riskAlert: { freezeOnNewBureauDefault: true },
  freezeAfterDaysPastDue: 30,
  promotion: { eligibleGrades: ['A', 'B', 'C'], maxPercentBp: 5_000, stack: false },
  manualReviewThresholdFen: 2_000_000,
  missingDeviceIdAboveFen: 50_000,
  feeRateBp: {
    A: { M3: 50, M6: 50, M9: 50, M12: 50, M24: 50 },
    B: { M3: 60, M6: 60, M9: 60, M12: 60, M24: 60 },
    C: { M3: 75, M6: 75, M9: 75, M12: 75, M24: 75 },
    D: { M3: 90, M6: 90, M9: 90, M12: 90, M24: 90 },
    E: { M3: 110, M6: 110, M9: 110, M12: 110, M24: 110 },
  },
  lateFeeBpPerDay: 5,
  lateFeeCapBp: 2_400,
  coupons: {
    FREE3: { freePeriods: 3, terms: ['M3'] },
    FREE6: { freePeriods: 6, terms: ['M3', 'M6'] },
    FREE12: { freePeriods: 12, terms: ['M3', 'M6', 'M9', 'M12'] },
  },
  holdExtensionDays: 7,
  recovery: {
    autoApproveMinGrade: 'C',
    autoApproveMaxPd: 0.2,
    rejectAboveDaysPastDue: 90,
    immediateShareBp: 5_000,
    onTimeRepaymentsPerStage: 2,
    onTimeWindowDays: 365,
    laterStages: 1,
    documentsRequired: { UNFREEZE: 0, RESTORE_REDUCTION: 0, INCREASE: 1 },
    defaultIncreaseBp: 2_000,
    afterOverdueRepaid: 'RECOVERY_REQUEST',
  },
  // LGD only: no caps until risk sets them (a cap that binds changes every review's outcome).
  riskBudget: { lossGivenDefaultBp: 8_000 },
  revolving: DEFAULT_REVOLVING_POLICY,
};

/** Validate a policy (parsed JSON or object); throws an Error listing every problem with its path. */
export function parsePolicy(json: unknown): LimitPolicy {
  const input = typeof json === 'string' ? (JSON.parse(json) as unknown) : json;
  const r = limitPolicySchema.safeParse(input);
  if (r.success) return r.data;
  const lines = r.error.issues.map(
    (i) => `  - ${i.path.length ? i.path.join('.') : '(policy)'}: ${i.message}`,
  );
  throw new Error(`invalid limit policy:\n${lines.join('\n')}`);
}

/** JSON with object keys sorted, so equal policies print the same whatever their key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/**
 * A digest of a policy's content (every field but `version`; FNV-1a of its canonical JSON, hex):
 * two policies with the same digest decide alike. Decisions record `policy.version`; the
 * package's tests pin the shipped policy's digest to its version, so its content cannot change
 * without a new version.
 */
export function policyDigest(policy: LimitPolicy): string {
  const { version: _version, ...content } = policy;
  const s = canonical(content);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The grade of a score under the policy's bands (a score equal to a cut-off is in the better grade). */
export function gradeOf(score: number, policy: LimitPolicy): Grade {
  const b = policy.gradeBands;
  if (score >= b.A) return 'A';
  if (score >= b.B) return 'B';
  if (score >= b.C) return 'C';
  if (score >= b.D) return 'D';
  return 'E';
}
