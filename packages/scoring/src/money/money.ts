/**
 * Money: integer fen (分) everywhere in code; text only at the edges. The one place that turns
 * fen into text and text into fen, for the API (GraphQL `Money`, input amounts), the command
 * lines and the dashboard's formatting. Integer arithmetic on the digits, never floats.
 */

/** 123456 fen → "1234.56"; -5 → "-0.05"; with `grouping`, "1,234.56". Exact, no floats. */
export function formatFen(fen: number | bigint, opts: { grouping?: boolean } = {}): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const yuan = (abs / 100n).toString();
  const cents = (abs % 100n).toString().padStart(2, '0');
  const whole = opts.grouping ? yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : yuan;
  return `${neg ? '-' : ''}${whole}.${cents}`;
}

/**
 * Parse a yuan decimal string from input into fen. Accepts "12", "12.3", "12.34"; refuses more
 * than two decimals (fractions of a fen), signs, exponents and anything non-numeric.
 * Returns undefined when the text is not an amount.
 */
export function parseYuanToFen(text: string): number | undefined {
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : undefined;
}

/** A `Money` amount as the API writes it ("1234.56", "-0.05") back to integer fen; NaN if not one. */
export function amountToFen(amount: string): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return NaN;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || 0);
  return m[1] ? -fen : fen;
}

/** Format fen as yuan for customers: `¥8,000`, `¥8,000.50`, `-¥12.30` (same digits in zh-CN and en). */
export function formatYuan(fen: number, locale: string): string {
  void locale;
  const neg = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}¥${grouped}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}
