/**
 * Hot read statements shared by the requests of one event-loop turn (issue 18). Each request's
 * DataLoaders already put its own lookups of one kind into one statement; this goes one step
 * further: the requests whose bodies were read in the same turn (under load, several at once)
 * send one statement for all their keys instead of one each. Every round trip to PostgreSQL is
 * a `writev` on its socket that also wakes the server — the largest single cost in a profile of
 * a partner read or an authorization over HTTP.
 *
 * Requests share a statement only when everything but the keys is the same (the statement and
 * its other parameters, e.g. the partner app whose links it reads), and each request gets back
 * only the rows of the keys it asked for.
 */
type Exec = (name: string, text: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

interface Waiting {
  keys: readonly string[];
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (e: unknown) => void;
}
interface Group {
  name: string;
  text: string;
  keyColumn: string;
  extra: unknown[];
  waiting: Waiting[];
}

export class SharedStatements {
  private groups = new Map<string, Group>();
  private scheduled = false;

  constructor(private readonly exec: Exec) {}

  /**
   * Rows of the named statement `text` ($1 = the keys as an array, $2… = `extra`) whose
   * `keyColumn` is one of `keys`; sent at the end of this event-loop turn together with every
   * other request's call with the same statement and `extra`.
   */
  rows<R>(
    name: string,
    text: string,
    keyColumn: string,
    keys: readonly string[],
    extra: unknown[] = [],
  ): Promise<R[]> {
    const id = extra.length ? `${name}\u0000${extra.join('\u0000')}` : name;
    let g = this.groups.get(id);
    if (!g) this.groups.set(id, (g = { name, text, keyColumn, extra, waiting: [] }));
    const group = g;
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.flush);
    }
    return new Promise<Record<string, unknown>[]>((resolve, reject) =>
      group.waiting.push({ keys, resolve, reject }),
    ) as Promise<R[]>;
  }

  private flush = () => {
    this.scheduled = false;
    const groups = [...this.groups.values()];
    this.groups.clear();
    for (const g of groups) {
      const only = g.waiting.length === 1 ? g.waiting[0]! : undefined;
      const keys = only ? only.keys : [...new Set(g.waiting.flatMap((w) => w.keys))];
      this.exec(g.name, g.text, [keys, ...g.extra]).then(
        (rows) => {
          if (only) return only.resolve(rows);
          for (const w of g.waiting) {
            const mine = new Set(w.keys);
            w.resolve(rows.filter((r) => mine.has(String(r[g.keyColumn]))));
          }
        },
        (e: unknown) => {
          if (only) return only.reject(e);
          // One request's keys must never fail another's: when a shared statement fails, each
          // request runs its own, so an error reaches only the request whose keys caused it.
          for (const w of g.waiting)
            this.exec(g.name, g.text, [w.keys, ...g.extra]).then(w.resolve, w.reject);
        },
      );
    }
  };
}
