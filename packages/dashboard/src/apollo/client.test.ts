import { describe, expect, it } from 'vitest';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { Observable } from 'rxjs';
import manifest from '../generated/persisted-documents.json';
import * as generated from '../generated/graphql';
import { SignInDocument } from '../generated/graphql';
import { documentHash } from './client';

const listed = manifest as Record<string, string>;

describe('persisted documents', () => {
  it("sends the hash codegen listed in the server's trusted documents", async () => {
    const hash = await documentHash(SignInDocument);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(listed)).toContain(`sha256:${hash}`);
  });

  it('hashes a document codegen did not see', async () => {
    expect(await documentHash(parse('{ __typename }'))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the link, for every query, a listed hash whose text selects __typename everywhere', async () => {
    // The server runs the listed text for that hash: without __typename the cache could not
    // match Money and the other fragments, and the page would read undefined fields.
    const seen: DocumentNode[] = [];
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new ApolloLink(
        (op) =>
          new Observable((o) => {
            seen.push(op.query);
            o.next({ data: null });
            o.complete();
          }),
      ),
    });
    const queries = Object.entries(generated).filter(
      ([name, d]) =>
        name.endsWith('Document') &&
        (d as DocumentNode).definitions.some(
          (x) => x.kind === Kind.OPERATION_DEFINITION && x.operation === 'query',
        ),
    );
    for (const [, d] of queries)
      await client.query({ query: d as DocumentNode, variables: {} }).catch(() => undefined);
    expect(seen).toHaveLength(queries.length);
    for (const doc of seen) {
      const text = listed[`sha256:${await documentHash(doc)}`];
      expect(text).toBeDefined();
      visit(parse(text!), {
        SelectionSet(node) {
          expect(
            node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename'),
          ).toBe(true);
        },
      });
    }
  });
});
