import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCsv } from '@creditline/scoring';

/**
 * Rows of the real card-default data (Yeh 2009, CC BY 4.0): the development set committed in the
 * scoring package (`packages/scoring/data/credit-card-default/`; one copy in the repository).
 * Each demo customer takes one row: its repayment statuses, bills and payments shape the
 * customer's repayment history, so the late/default mix follows real relationships.
 */
export interface CardRow {
  limitBal: number;
  /** Repayment status, most recent first (PAY_0, PAY_2 … PAY_6): −2 no use, −1 paid duly, 0 revolving, n = n months late. */
  pay: number[];
  /** Bill amounts NT$, most recent first. */
  bill: number[];
  /** Payments NT$, most recent first. */
  paid: number[];
  defaulted: boolean;
}

const FILE = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@creditline/scoring/package.json')),
  'data',
  'credit-card-default',
  'dev.csv',
);
let cache: CardRow[] | undefined;

export function cardRows(): CardRow[] {
  if (cache) return cache;
  const { columns, rows } = readCsv(readFileSync(FILE, 'utf8'));
  const at = (name: string) => columns.indexOf(name);
  const iLimit = at('LIMIT_BAL');
  const iPay = ['PAY_0', 'PAY_2', 'PAY_3', 'PAY_4', 'PAY_5', 'PAY_6'].map(at);
  const iBill = [1, 2, 3, 4, 5, 6].map((n) => at(`BILL_AMT${n}`));
  const iPaid = [1, 2, 3, 4, 5, 6].map((n) => at(`PAY_AMT${n}`));
  const iDefault = at('default');
  cache = rows.map((row) => {
    const v = row.map(Number);
    return {
      limitBal: v[iLimit]!,
      pay: iPay.map((i) => v[i]!),
      bill: iBill.map((i) => v[i]!),
      paid: iPaid.map((i) => v[i]!),
      defaulted: v[iDefault] === 1,
    };
  });
  return cache;
}
