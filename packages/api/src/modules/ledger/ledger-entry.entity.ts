import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Fen, Id } from '../../db/types.js';

export type LedgerKind =
  | 'HOLD'
  | 'HOLD_RELEASE'
  | 'HOLD_EXPIRE'
  | 'CAPTURE'
  | 'REPAY_PRINCIPAL'
  | 'REPAY_FEE'
  | 'REPAY_LATE_FEE'
  | 'FEE_CHARGED'
  | 'LATE_FEE_CHARGED'
  | 'OPENING_BALANCE'
  | 'OVERPAYMENT'
  | 'FEE_WAIVED';

/**
 * Append-only record of every money movement. For each account:
 * Σ held_delta = held_fen and Σ principal_delta = outstanding_principal_fen (the reconcile job).
 */
@Entity({ tableName: 'ledger_entries' })
export class LedgerEntry {
  @PrimaryKey({ type: Id, autoincrement: true }) id!: string;
  @Property({ type: Id }) accountId!: string;
  @Property({ type: Id }) customerId!: string;
  @Property({ type: 'text' }) kind!: LedgerKind;
  @Property({ type: Fen }) heldDeltaFen = 0;
  @Property({ type: Fen }) principalDeltaFen = 0;
  @Property({ type: Fen }) amountFen!: number;
  @Property({ type: 'text' }) refType!: string;
  @Property({ type: Id, nullable: true }) refId?: string | null;
  @Property({ type: 'datetime', defaultRaw: 'now()' }) createdAt: Date = new Date();
}
