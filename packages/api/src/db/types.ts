import { BigIntType } from '@mikro-orm/core';

/**
 * Money is integer fen in `bigint` columns, read as JS numbers: 2^53 fen is ~90 trillion yuan,
 * far beyond any account, and numbers keep arithmetic with @creditline/scoring simple.
 * Ids are bigint identities read as strings (they are opaque outside the database).
 */
export const Fen = new BigIntType('number');
export const Id = new BigIntType('string');
