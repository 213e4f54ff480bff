/** Raw SQL (`em.execute`) answers timestamps as text; the DateTime scalar wants Dates. */
export const asDate = (v: Date | string | null | undefined): Date | null =>
  v === null || v === undefined ? null : new Date(v);
