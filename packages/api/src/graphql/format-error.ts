import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors.js';

/** Codes whose message was written for the caller and may be shown as is. */
const PUBLIC_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.QUERY_TOO_COMPLEX,
  'RATE_LIMITED',
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
  const original = (error as { originalError?: { extensions?: Record<string, unknown> } })
    ?.originalError;
  let code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
  // Apollo gives every validation error GRAPHQL_VALIDATION_FAILED; our own rules (request-guards.ts)
  // say more precisely what is wrong, e.g. QUERY_TOO_COMPLEX for too many aliases.
  if (code === 'GRAPHQL_VALIDATION_FAILED' && typeof original?.extensions?.code === 'string') {
    code = original.extensions.code;
    formatted = {
      ...formatted,
      extensions: { ...formatted.extensions, ...original.extensions, code },
    };
  }
  // graphql-js: "Document contains more that 2000 tokens. Parsing aborted." (sic)
  const tokens = /contains more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (code === 'GRAPHQL_PARSE_FAILED' && tokens) {
    const limit = tokens[1];
    return {
      message: `This query is longer than ${limit} tokens; send a smaller query.`,
      extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, maxTokens: Number(limit) },
    };
  }
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

/** graphql-js's suggestions ("Did you mean "revealCustomerPii"?") name fields, arguments and enum values. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * formatError for this deployment. In production the schema is not introspectable, so error
 * messages must not leak it either: every "Did you mean …?" is removed, whatever produced it
 * (validation, variable coercion, enum parsing). Apollo's hideSchemaDetailsFromClientErrors
 * covers validation only.
 */
export function formatErrorFor(opts: {
  hideSuggestions: boolean;
}): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  if (!opts.hideSuggestions) return formatError;
  return (formatted, error) => {
    const out = formatError(formatted, error);
    const message = out.message.replace(SUGGESTION, '');
    return message === out.message ? out : { ...out, message };
  };
}
