/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for a `?::type[]` parameter: MikroORM's
 * `execute` expands a JS array into a comma list, so arrays are passed as one text literal.
 */
export function pgArray(values: readonly (string | number | Date | null | undefined)[]): string {
  return `{${values
    .map((v) =>
      v == null
        ? 'NULL'
        : `"${(v instanceof Date ? v.toISOString() : String(v)).replace(/["\\]/g, '\\$&')}"`,
    )
    .join(',')}}`;
}
