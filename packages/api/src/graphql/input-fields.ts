import { Field, ID } from 'type-graphql';

/**
 * Input fields that many mutations share, with one wording each: the idempotency key every money
 * mutation takes, and the "customer or account" reference (give one; `resolveAccountRef` decides).
 */
export const IdempotencyKeyField = (): PropertyDecorator =>
  Field(() => String, {
    description:
      'A key unique to this operation (1 to 128 printable ASCII characters): a retry with the same key and input returns the first result instead of doing it twice.',
  });

export const CustomerRefField = (): PropertyDecorator =>
  Field(() => ID, {
    description: 'Global id of the customer (or give accountId).',
    nullable: true,
  });

export const AccountRefField = (): PropertyDecorator =>
  Field(() => ID, {
    description: 'Global id of the credit account (or give customerId).',
    nullable: true,
  });
