import { auditServer } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestApi } from '../../../test/harness.js';

/**
 * The GraphQL-over-HTTP specification's server audit (graphql-http's `serverAudits`) against the
 * running server: every MUST and SHOULD passes. The audit's own requests are not "simple"
 * cross-site requests (JSON bodies, or GET with `accept` only), so CSRF protection stays on:
 * http.int.test.ts checks that a simple GET or text/plain POST is still refused.
 */
const api = useTestApi({ listen: true });

describe('GraphQL over HTTP (graphql-http audit)', () => {
  it('passes every MUST and SHOULD', async () => {
    const results = await auditServer({
      url: `${api.url}/graphql`,
      // Apollo's CSRF prevention wants a non-simple header on GET: the audit's GETs carry one.
      fetchFn: (input: Parameters<typeof fetch>[0], init?: RequestInit) =>
        fetch(input, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            'apollo-require-preflight': '1',
          },
        }),
    });
    const failed = results
      .filter((r) => r.status !== 'ok' && !r.name.startsWith('MAY'))
      .map((r) => `${r.name}: ${r.status === 'ok' ? '' : r.reason}`);
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(30);
  });
});
