import { GraphQLError } from 'graphql';
import { Field, ObjectType } from 'type-graphql';

/**
 * Two kinds of failure (DESIGN.md, API conventions):
 * - things a user can fix come back in a payload's `userErrors` (code, field, message);
 * - everything else is a GraphQLError with `extensions.code`, never a stack trace.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

@ObjectType({ description: 'A problem with the input that the caller can fix.' })
export class UserError {
  @Field(() => String, { description: 'Stable machine-readable code, e.g. ACCOUNT_FROZEN.' })
  code!: string;
  @Field(() => String, { nullable: true, description: 'Input field the problem is about, if any.' })
  field?: string | null;
  @Field(() => String, { description: 'A message a person can act on.' }) message!: string;
}

export function userError(code: string, message: string, field?: string): UserError {
  return Object.assign(new UserError(), { code, message, field: field ?? null });
}

/** A payload's result or its userErrors. Services return this; resolvers map it to a payload. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: UserError[] };
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T = never>(code: string, message: string, field?: string): Outcome<T> => ({
  ok: false,
  errors: [userError(code, message, field)],
});

export const badUserInput = (message: string, field?: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  });
export const unauthenticated = (message = 'Sign in first.') =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
export const forbidden = (message = 'You are not allowed to do this.') =>
  new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
/** A credential that is present but wrong: HTTP 401 when raised before execution. */
export const invalidCredentials = (message: string) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
export const notFound = (what: string) =>
  new GraphQLError(`${what} was not found.`, { extensions: { code: ErrorCode.NOT_FOUND } });
