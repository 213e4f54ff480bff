import { existsSync, readFileSync } from 'node:fs';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';

/**
 * The dashboard's own operations, by the SHA-256 of their text: the persisted-documents manifest
 * its codegen writes (packages/dashboard/src/generated/persisted-documents.json). The server
 * answers a request that carries only a listed hash (automatic persisted queries with the
 * list pre-registered), and can be told to accept nothing else from staff and anonymous
 * callers (GRAPHQL_UNTRUSTED_DOCUMENTS).
 */
export class TrustedDocuments {
  constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static empty(): TrustedDocuments {
    return new TrustedDocuments(new Map());
  }

  /** Read a manifest (`{ "<sha256>": "<document>" }`); an absent file gives an empty list. */
  static fromFile(file: string | undefined): TrustedDocuments {
    if (!file || !existsSync(file)) return TrustedDocuments.empty();
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    // Codegen writes `sha256:<hex>`; clients send the bare hex (Apollo's persistedQuery extension).
    return new TrustedDocuments(
      new Map(Object.entries(parsed).map(([k, v]) => [k.replace(/^sha256:/, ''), v])),
    );
  }

  get size(): number {
    return this.byHash.size;
  }

  has(hash: string | undefined): boolean {
    return hash !== undefined && this.byHash.has(hash);
  }

  /**
   * The cache behind Apollo's automatic persisted queries: listed documents first, then what
   * clients registered themselves (bounded LRU, as Apollo's default). Apollo prefixes keys with
   * `apq:`.
   */
  apqCache(): KeyValueCache<string> {
    const registered = new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
    const listed = this.byHash;
    return {
      async get(key) {
        const hash = key.startsWith('apq:') ? key.slice(4) : key;
        return listed.get(hash) ?? registered.get(key);
      },
      set: (key, value, options) => registered.set(key, value, options),
      delete: (key) => registered.delete(key),
    };
  }
}
