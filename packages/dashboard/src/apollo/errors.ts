import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** The error codes the dashboard has a localized message for (i18n key `errors.<code>`). */
export const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'QUERY_TOO_COMPLEX',
  'INTERNAL_SERVER_ERROR',
  'NETWORK',
  'UNKNOWN',
] as const;
export type ErrorCode = (typeof KNOWN_CODES)[number];

/**
 * Reduce any Apollo error to one code the agent gets a friendly, localized message for.
 * The raw message is never shown: it can carry internals an agent cannot act on.
 */
export function errorCodeOf(error: unknown): ErrorCode {
  if (!error) return 'UNKNOWN';
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const code = e.extensions?.code;
      if (typeof code === 'string' && (KNOWN_CODES as readonly string[]).includes(code))
        return code as ErrorCode;
      // A document the server does not know (schema drift) is our fault, not the agent's.
      if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')
        return 'INTERNAL_SERVER_ERROR';
    }
    return 'UNKNOWN';
  }
  if (ServerError.is(error)) {
    if (error.statusCode === 401) return 'UNAUTHENTICATED';
    if (error.statusCode === 403) return 'FORBIDDEN';
    if (error.statusCode >= 500) return 'INTERNAL_SERVER_ERROR';
    return 'UNKNOWN';
  }
  const plain = (error as { code?: unknown }).code;
  if (typeof plain === 'string' && (KNOWN_CODES as readonly string[]).includes(plain))
    return plain as ErrorCode;
  if (
    error instanceof TypeError ||
    (error instanceof Error && /fetch|network/i.test(error.message))
  )
    return 'NETWORK';
  return 'UNKNOWN';
}
