import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import manifest from '../generated/persisted-documents.json';
import { SignInDocument } from '../generated/graphql';
import { documentHash } from './client';

describe('persisted documents', () => {
  it("sends the hash codegen listed in the server's trusted documents", async () => {
    const hash = await documentHash(SignInDocument);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest)).toContain(`sha256:${hash}`);
  });

  it('hashes a document codegen did not see', async () => {
    expect(await documentHash(parse('{ __typename }'))).toMatch(/^[0-9a-f]{64}$/);
  });
});
