import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { errorCodeOf } from './errors';

const graphQLError = (code?: string) =>
  new CombinedGraphQLErrors({
    errors: [
      { message: 'SELECT * FROM secrets failed at line 3', extensions: code ? { code } : {} },
    ],
  });

describe('errorCodeOf', () => {
  it('maps extensions.code to a code with a localized message', () => {
    expect(errorCodeOf(graphQLError('FORBIDDEN'))).toBe('FORBIDDEN');
    expect(errorCodeOf(graphQLError('NOT_FOUND'))).toBe('NOT_FOUND');
    expect(errorCodeOf(graphQLError('GRAPHQL_VALIDATION_FAILED'))).toBe('INTERNAL_SERVER_ERROR');
    expect(errorCodeOf(graphQLError('SOMETHING_NEW'))).toBe('UNKNOWN');
    expect(errorCodeOf(graphQLError())).toBe('UNKNOWN');
  });

  it('maps HTTP and network failures', () => {
    const response = new Response('', { status: 401 });
    expect(errorCodeOf(new ServerError('x', { response, bodyText: '' }))).toBe('UNAUTHENTICATED');
    expect(errorCodeOf(new TypeError('Failed to fetch'))).toBe('NETWORK');
    expect(errorCodeOf({ code: 'NOT_FOUND' })).toBe('NOT_FOUND');
  });
});
