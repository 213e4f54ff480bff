/** A GraphQL `Money` value: a decimal string in yuan with two places, e.g. "1234.56". */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/** Integer fen from a decimal yuan string, without going through floating point. */
export function toFen(amount: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return NaN;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || 0);
  return m[1] ? -fen : fen;
}

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
