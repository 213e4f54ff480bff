import { amountToFen } from '@creditline/scoring/money';

/** A GraphQL `Money` value: a decimal string in yuan with two places, e.g. "1234.56". */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/** Integer fen from a decimal yuan string, without going through floating point (the scoring package's money module). */
export const toFen = amountToFen;

const formatters = new Map<string, Intl.NumberFormat>();

/** "¥1,234.56" in both languages (agents work in CNY): formatting happens only here, at the edge. */
export function formatMoney(money: MoneyValue | null | undefined, locale: string): string {
  if (!money) return '—';
  const key = `${locale}|${money.currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: money.currency || 'CNY',
      currencyDisplay: 'narrowSymbol',
    });
    formatters.set(key, f);
  }
  const fen = toFen(money.amount);
  return Number.isNaN(fen) ? money.amount : f.format(fen / 100);
}

/** Share of `part` in `whole` as a whole percent, 0 when the whole is zero. */
export function percentOf(part: MoneyValue, whole: MoneyValue): number {
  const w = toFen(whole.amount);
  if (!w || w <= 0) return 0;
  return Math.round((toFen(part.amount) / w) * 100);
}
