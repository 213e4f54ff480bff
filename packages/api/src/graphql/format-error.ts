import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors.js';

/** Codes whose message was written for the caller and may be shown as is. */
const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.QUERY_TOO_COMPLEX,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNTRUSTED_DOCUMENT',
]);

interface ValidationErrorLike {
  property?: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flatten(errors: ValidationErrorLike[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : String(e.property);
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * What a client sees of an error: a known code with a message written for people, or
 * INTERNAL_SERVER_ERROR with a generic message (the fault itself is logged with the request id).
 * Never a stack trace, never a SQL text.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  const original = (error as { originalError?: { extensions?: Record<string, unknown> } })
    ?.originalError;
  if (
    code === ErrorCode.BAD_USER_INPUT &&
    Array.isArray(formatted.extensions?.validationErrors ?? original?.extensions?.validationErrors)
  ) {
    const list = flatten(
      (formatted.extensions?.validationErrors ??
        original?.extensions?.validationErrors) as ValidationErrorLike[],
    );
    return {
      message: list.map((e) => `${e.field}: ${e.message}`).join('; ') || 'The input is not valid.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code, fields: list },
    };
  }
  if (code === 'UNAUTHORIZED') {
    return {
      message: 'You are not allowed to see or do this.',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.FORBIDDEN },
    };
  }
  if (PUBLIC_CODES.has(code)) {
    const {
      stacktrace: _s,
      exception: _e,
      ...extensions
    } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: 'Something went wrong on our side. It has been logged; please try again.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
