import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { SharedStatements } from '../shared-statements.js';
import { fromGlobalId, toGlobalId } from '../relay.js';

/** A stand-in for PostgreSQL's `= any($1::bigint[])`: fails the whole statement on a bad key. */
function fakeDb() {
  const statements: unknown[][] = [];
  const exec = async (_name: string, _text: string, values: unknown[]) => {
    statements.push(values);
    const keys = values[0] as string[];
    if (keys.some((k) => !/^\d+$/.test(k))) throw new Error('invalid input syntax for type bigint');
    return keys.map((k) => ({ id: k, app: values[1] }));
  };
  return { exec, statements };
}

describe('SharedStatements', () => {
  it('sends one statement for the requests of one turn and gives each only its own rows', async () => {
    const db = fakeDb();
    const shared = new SharedStatements(db.exec);
    const [a, b] = await Promise.all([
      shared.rows<{ id: string }>('s', 'sql', 'id', ['1', '2']),
      shared.rows<{ id: string }>('s', 'sql', 'id', ['3']),
    ]);
    expect(db.statements).toEqual([[['1', '2', '3']]]);
    expect(a.map((r) => r.id)).toEqual(['1', '2']);
    expect(b.map((r) => r.id)).toEqual(['3']);
  });

  it('never shares a statement across different extra parameters (another partner app)', async () => {
    const db = fakeDb();
    const shared = new SharedStatements(db.exec);
    const [a, b] = await Promise.all([
      shared.rows<{ app: string }>('s', 'sql', 'id', ['1'], ['app-1']),
      shared.rows<{ app: string }>('s', 'sql', 'id', ['1'], ['app-2']),
    ]);
    expect(db.statements).toHaveLength(2);
    expect(a).toEqual([{ id: '1', app: 'app-1' }]);
    expect(b).toEqual([{ id: '1', app: 'app-2' }]);
  });

  it("one request's bad key fails only that request, not the others sharing its turn", async () => {
    const db = fakeDb();
    const shared = new SharedStatements(db.exec);
    const [good, bad] = await Promise.allSettled([
      shared.rows<{ id: string }>('s', 'sql', 'id', ['7']),
      shared.rows<{ id: string }>('s', 'sql', 'id', ['x']),
    ]);
    expect(good).toEqual({ status: 'fulfilled', value: [{ id: '7', app: undefined }] });
    expect(bad.status).toBe('rejected');
  });
});

describe('global ids', () => {
  it('refuse a local id past the bigint range (it would fail the statement it reaches)', () => {
    expect(fromGlobalId(toGlobalId('CreditAccount', '9223372036854775807'))).toEqual({
      type: 'CreditAccount',
      id: '9223372036854775807',
    });
    expect(fromGlobalId(toGlobalId('CreditAccount', '9223372036854775808'))).toBeUndefined();
    expect(fromGlobalId(toGlobalId('CreditAccount', '9999999999999999999'))).toBeUndefined();
  });
});
