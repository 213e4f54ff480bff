import { floorToHundredYuan, gradeRank } from '../policy/limits.js';
import type { Grade, IncomeBand, LimitPolicy } from '../policy/policy.js';

/** Reason codes of a recovery evaluation (each has zh-CN and en text in `explain`). */
export const RECOVERY_REASON_CODES = [
  'RECOVERY_STILL_OVERDUE',
  'RECOVERY_SEVERE_DELINQUENCY',
  'RECOVERY_DOCUMENTS_REQUIRED',
  'RECOVERY_HIGH_RISK',
  'RECOVERY_NOTHING_TO_RESTORE',
  'RECOVERY_TARGET_CAPPED',
  'RECOVERY_GOOD_STANDING',
  'RECOVERY_STAGED',
  'RECOVERY_WRITTEN_OFF',
] as const;

/** The facts a recovery request (额度恢复申请) is evaluated on. */
export interface RecoveryInput {
  type: 'UNFREEZE' | 'RESTORE_REDUCTION' | 'INCREASE';
  score: number;
  grade: Grade;
  probabilityOfDefault: number;
  currentLimitFen: number;
  /** The base limit before the freeze or reduction being undone. */
  previousLimitFen: number;
  requestedLimitFen?: number | null;
  maxDaysPastDue: number;
  overdueFen: number;
  documentsCount: number;
  incomeBand: IncomeBand;
  /**
   * What the lender has written off on this account (0 or absent: nothing). A written-off
   * account's requests are never approved automatically: a supervisor decides.
   */
  writtenOffFen?: number;
}

/** One stage of a restoration: `amountFen` is added once `onTimeRepaymentsRequired` on-time repayments (counted from approval) are made. */
export interface RecoveryStage {
  seq: number;
  amountFen: number;
  onTimeRepaymentsRequired: number;
}

/** The outcome of a recovery evaluation: what to do, why, the limit to reach and in which stages. */
export interface RecoveryEvaluation {
  outcome: 'APPROVE' | 'NEED_DOCUMENTS' | 'ROUTE_TO_SUPERVISOR' | 'REJECT';
  reasons: string[];
  targetLimitFen: number;
  stages: RecoveryStage[];
}

/**
 * Split a restoration of `gainFen` into stages: the first gets `immediateShareBp` of it rounded
 * down to ¥100 (no repayments required); the rest is split evenly over `laterStages` stages, each
 * rounded down to ¥100 with the remainder on the last, stage k requiring k × `onTimeRepaymentsPerStage`.
 * The amounts add up exactly to `gainFen`; zero-amount stages are dropped.
 */
export function restorationStages(gainFen: number, policy: LimitPolicy): RecoveryStage[] {
  if (gainFen <= 0) return [];
  const r = policy.recovery;
  const amounts: number[] = [];
  const first =
    gainFen < 10_000
      ? gainFen
      : Math.min(gainFen, floorToHundredYuan(Math.floor((gainFen * r.immediateShareBp) / 10_000)));
  amounts.push(first);
  let rest = gainFen - first;
  for (let k = 1; k <= r.laterStages; k++) {
    const part =
      k === r.laterStages ? rest : floorToHundredYuan(Math.floor(rest / (r.laterStages - k + 1)));
    amounts.push(part);
    rest -= part;
  }
  const stages: RecoveryStage[] = [];
  amounts.forEach((amountFen, k) => {
    if (amountFen > 0)
      stages.push({
        seq: stages.length + 1,
        amountFen,
        onTimeRepaymentsRequired: k * r.onTimeRepaymentsPerStage,
      });
  });
  return stages;
}

/**
 * Evaluate a recovery request with the policy's rules, in this order: still overdue or a past
 * delinquency beyond `rejectAboveDaysPastDue` → REJECT; fewer documents than required for the type →
 * NEED_DOCUMENTS; a balance written off, or a grade worse than `autoApproveMinGrade` or PD above
 * `autoApproveMaxPd` → ROUTE_TO_SUPERVISOR; nothing to restore → REJECT; else APPROVE. Target: UNFREEZE and
 * RESTORE_REDUCTION go back to the previous limit (never below the current); INCREASE to the
 * requested limit or current + `defaultIncreaseBp`, never above the grade × income target nor the cap
 * (whole ¥100). Stages add up exactly to target − current ({@link restorationStages}).
 */
export function evaluateRecovery(input: RecoveryInput, policy: LimitPolicy): RecoveryEvaluation {
  const cur = Math.max(0, Math.floor(input.currentLimitFen));
  const reasons: string[] = [];
  let target: number;
  if (input.type === 'INCREASE') {
    const asked =
      input.requestedLimitFen ??
      cur + Math.floor((cur * policy.recovery.defaultIncreaseBp) / 10_000);
    const ceiling = Math.min(
      policy.capFen,
      Math.max(cur, policy.limitMatrixFen[input.grade][input.incomeBand]),
    );
    target = floorToHundredYuan(Math.min(asked, ceiling));
    if (asked > ceiling) reasons.push('RECOVERY_TARGET_CAPPED');
  } else {
    const prev = Math.max(0, Math.floor(input.previousLimitFen));
    target = Math.min(prev, policy.capFen);
    if (prev > policy.capFen) reasons.push('RECOVERY_TARGET_CAPPED');
  }
  if (target < cur) target = cur;

  const reject = (code: string): RecoveryEvaluation => ({
    outcome: 'REJECT',
    reasons: [code],
    targetLimitFen: cur,
    stages: [],
  });
  if (input.overdueFen > 0) return reject('RECOVERY_STILL_OVERDUE');
  if (input.maxDaysPastDue > policy.recovery.rejectAboveDaysPastDue)
    return reject('RECOVERY_SEVERE_DELINQUENCY');

  const stages = restorationStages(target - cur, policy);
  if (stages.length > 1) reasons.push('RECOVERY_STAGED');
  if (input.documentsCount < policy.recovery.documentsRequired[input.type])
    return {
      outcome: 'NEED_DOCUMENTS',
      reasons: ['RECOVERY_DOCUMENTS_REQUIRED', ...reasons],
      targetLimitFen: target,
      stages,
    };
  if ((input.writtenOffFen ?? 0) > 0)
    return {
      outcome: 'ROUTE_TO_SUPERVISOR',
      reasons: ['RECOVERY_WRITTEN_OFF', ...reasons],
      targetLimitFen: target,
      stages,
    };
  if (
    gradeRank(input.grade) > gradeRank(policy.recovery.autoApproveMinGrade) ||
    input.probabilityOfDefault > policy.recovery.autoApproveMaxPd
  ) {
    return {
      outcome: 'ROUTE_TO_SUPERVISOR',
      reasons: ['RECOVERY_HIGH_RISK', ...reasons],
      targetLimitFen: target,
      stages,
    };
  }
  if (target === cur && input.type !== 'UNFREEZE') return reject('RECOVERY_NOTHING_TO_RESTORE');
  return {
    outcome: 'APPROVE',
    reasons: ['RECOVERY_GOOD_STANDING', ...reasons],
    targetLimitFen: target,
    stages,
  };
}
