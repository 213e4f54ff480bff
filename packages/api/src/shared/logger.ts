import { pino, type Logger } from 'pino';

/** Fields of a PostgreSQL / driver error that can carry statement values (personal data). */
const VALUE_FIELDS = [
  'detail',
  'where',
  'internalQuery',
  'hint',
  'query',
  'sql',
  'params',
  'parameters',
  'bindings',
  'sqlMessage',
  'errmsg',
];

/**
 * A statement's text without its values: string literals, numbers, and the quoted value PostgreSQL
 * puts in messages such as `invalid input syntax for type bigint: "…"`. The driver (knex, under
 * MikroORM) writes the whole statement with its parameters filled in into the error message.
 */
export function redactStatementValues(text: string): string {
  return text
    .replace(/'(?:[^']|'')*'/g, "'?'")
    .replace(/(?<![\w"$.])-?\d+(?:\.\d+)?(?![\w"])/g, '?')
    .replace(/(: )"[^"]*"/g, '$1"?"');
}

const isDatabaseError = (e: Record<string, unknown>): boolean =>
  typeof e.sqlState === 'string' ||
  typeof e.routine === 'string' ||
  (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e);

/**
 * pino's error serializer, but a database error keeps only what identifies the fault (class,
 * SQLSTATE, table, column, constraint) and its statement without values: error logs must never
 * carry the values of a statement, which can be phone numbers, ID numbers or names.
 */
export function serializeError(err: unknown): unknown {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object' || !isDatabaseError(err as Record<string, unknown>))
    return out;
  for (const k of VALUE_FIELDS) delete out[k];
  if (typeof out.message === 'string') {
    // "<statement with values> - <PostgreSQL message>\n - detail: <the row's values>": the detail
    // (and hint, where) go; the statement and message keep their shape without values.
    const message = redactStatementValues(out.message.split(/\n - (?:detail|hint|where):/)[0]!);
    const frames =
      typeof out.stack === 'string' ? out.stack.split('\n').filter((l) => /^\s+at /.test(l)) : [];
    out.message = message;
    out.stack = [`${String(out.type ?? 'Error')}: ${message}`, ...frames].join('\n');
  }
  return out;
}

/** One structured logger for the process; children carry a `module` field. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'creditline-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: serializeError, error: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
