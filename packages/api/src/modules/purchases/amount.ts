import { fail, ok, type Outcome } from '../../graphql/errors.js';
import { parseYuanToFen } from '../../graphql/money.js';
import { MAX_PURCHASE_FEN } from '../plans/pricing.js';

/** An amount the input may omit: null when it does, else read as amountFenOrError reads it. */
export function optionalAmountFenOrError(
  text: string | null | undefined,
  field = 'amount',
  maxFen = MAX_PURCHASE_FEN,
): Outcome<number | null, 'AMOUNT_NOT_POSITIVE' | 'AMOUNT_TOO_LARGE' | 'INVALID_AMOUNT'> {
  return text == null ? ok(null) : amountFenOrError(text, field, maxFen);
}

/**
 * A money amount from input (a decimal string in yuan) as integer fen, or a userError naming the
 * field: not a number or a fraction of a fen → INVALID_AMOUNT; zero or negative →
 * AMOUNT_NOT_POSITIVE; above `maxFen` → AMOUNT_TOO_LARGE.
 */
export function amountFenOrError(
  text: string,
  field = 'amount',
  maxFen = MAX_PURCHASE_FEN,
): Outcome<number, 'AMOUNT_NOT_POSITIVE' | 'AMOUNT_TOO_LARGE' | 'INVALID_AMOUNT'> {
  const t = text.trim();
  if (/^-\s*\d/.test(t) || /^-?0+(\.0{1,2})?$/.test(t))
    return fail('AMOUNT_NOT_POSITIVE', 'The amount must be more than zero.', field);
  if (/^\d+\.\d{3,}$/.test(t))
    return fail(
      'INVALID_AMOUNT',
      'The amount has more than two decimals (fractions of a fen are not money).',
      field,
    );
  const fen = parseYuanToFen(t);
  if (fen === undefined) {
    if (/^\d{14,}(\.\d{1,2})?$/.test(t))
      return fail(
        'AMOUNT_TOO_LARGE',
        `The amount is above the maximum of ${maxFen / 100} yuan.`,
        field,
      );
    return fail(
      'INVALID_AMOUNT',
      'The amount must be a decimal number of yuan with at most two decimals, e.g. "1299.00".',
      field,
    );
  }
  if (fen <= 0) return fail('AMOUNT_NOT_POSITIVE', 'The amount must be more than zero.', field);
  if (fen > maxFen)
    return fail(
      'AMOUNT_TOO_LARGE',
      `The amount is above the maximum of ${maxFen / 100} yuan.`,
      field,
    );
  return ok(fen);
}
