import { Field, ObjectType } from 'type-graphql';
import { formatFen } from '@creditline/scoring';

// Parsing and formatting fen live in the scoring package's money module (one for the API, the
// command lines and the dashboard); re-exported here for the resolvers.
export { formatFen, parseYuanToFen } from '@creditline/scoring';

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

export function money(fen: number | bigint): Money {
  return Object.assign(new Money(), { amount: formatFen(fen), currency: 'CNY' });
}
