import type { EntityManager } from '@mikro-orm/postgresql';

/** One ledger row of a money step; rows with a zero amount are not written. */
export interface LedgerRow {
  kind: string;
  amountFen: number;
  refType: string;
  refId: string;
  principalDeltaFen?: number;
  creditDeltaFen?: number;
}

/** Write a step's ledger rows for one account in one statement (zero amounts skipped). */
export async function writeLedgerRows(
  tem: EntityManager,
  acct: { id: string; customerId: string },
  rows: LedgerRow[],
): Promise<void> {
  const kept = rows.filter((r) => r.amountFen > 0);
  if (kept.length === 0) return;
  await tem.execute(
    `insert into ledger_entries (account_id, customer_id, kind, principal_delta_fen, credit_delta_fen, amount_fen, ref_type, ref_id)
     values ${kept.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    kept.flatMap((r) => [
      acct.id,
      acct.customerId,
      r.kind,
      r.principalDeltaFen ?? 0,
      r.creditDeltaFen ?? 0,
      r.amountFen,
      r.refType,
      r.refId,
    ]),
  );
}
