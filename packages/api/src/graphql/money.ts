import { Field, ObjectType } from 'type-graphql';

/**
 * Money on the wire: a decimal string of yuan with exactly two places, formatted from integer
 * fen (分) only here, at the edge. `amount` is a string so that no client parses it as a float.
 */
@ObjectType({
  description:
    'An amount of money: `amount` is a decimal string in yuan with two places, e.g. "1234.56".',
})
export class Money {
  @Field(() => String, {
    description: 'Yuan with two decimals, e.g. "1234.50" (exact: computed from integer fen).',
  })
  amount!: string;
  @Field(() => String, { description: 'ISO 4217 currency code; always CNY.' }) currency!: string;
}

/** 123456 fen → "1234.56"; -5 → "-0.05". Exact: integer arithmetic on the digits, no floats. */
export function formatFen(fen: number | bigint): string {
  const v = BigInt(fen);
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${yuan}.${cents}`;
}

export function money(fen: number | bigint): Money {
  return Object.assign(new Money(), { amount: formatFen(fen), currency: 'CNY' });
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
