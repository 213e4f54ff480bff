import type { EntityManager } from '@mikro-orm/postgresql';
import { raiseNotice } from '../notices/notice-events.js';
import { RecoveryService } from '../recovery/recovery.service.js';
import { POLICY } from '../decisions/scoring-adapter.js';
import { insertStatusDecision } from './lifecycle.service.js';

export type AfterOverdueRepaid = 'UNFREEZE' | 'RECOVERY_REQUEST';

/**
 * Called by the repayment path (account row locked) after a repayment: when the account is frozen
 * for an overdue and no overdue amount is left, the policy (`recovery.afterOverdueRepaid`) decides
 * whether it unfreezes at once (an UNFREEZE decision, OVERDUE_REPAID) or an UNFREEZE recovery
 * request opens and is reviewed like any other. Freezes for a risk alert or by a supervisor are
 * not lifted by repaying. Returns what it did.
 */
export async function onRepayment(
  tem: EntityManager,
  acct: { id: string; customerId: string },
  mode: AfterOverdueRepaid = POLICY.recovery.afterOverdueRepaid,
): Promise<'UNFROZEN' | 'RECOVERY_REQUEST' | null> {
  const [a] = await tem.execute<
    { status: string; frozen_cause: string | null; base_limit_fen: string; overdue: string }[]
  >(
    `select a.status, a.frozen_cause, a.base_limit_fen::text,
            (select coalesce(sum(principal_fen - paid_principal_fen + fee_fen - paid_fee_fen + late_fee_fen - paid_late_fee_fen), 0)
               from schedule_lines s where s.account_id = a.id and s.status = 'OVERDUE')::text as overdue
       from credit_accounts a where a.id = ?`,
    [acct.id],
  );
  if (!a || a.status !== 'FROZEN' || a.frozen_cause !== 'OVERDUE' || Number(a.overdue) > 0)
    return null;
  if (mode === 'RECOVERY_REQUEST') {
    const id = await new RecoveryService().fileForOverdueRepaid(tem, acct);
    return id ? 'RECOVERY_REQUEST' : null;
  }
  await tem.execute(
    `update credit_accounts set status = 'ACTIVE', frozen_reason = null, frozen_cause = null, frozen_reason_code = null, version = version + 1 where id = ?`,
    [acct.id],
  );
  const decisionId = await insertStatusDecision(tem, {
    accountId: acct.id,
    kind: 'UNFREEZE',
    statusBefore: 'FROZEN',
    statusAfter: 'ACTIVE',
    reasons: ['OVERDUE_REPAID'],
    agentId: null,
    note: 'Every overdue amount was repaid.',
  });
  await raiseNotice(tem, {
    customerId: acct.customerId,
    kind: 'ACCOUNT_UNFROZEN',
    eventKey: `decision:${decisionId}`,
    payload: { reasonCode: 'OVERDUE_REPAID', limitFen: Number(a.base_limit_fen) },
  });
  return 'UNFROZEN';
}
