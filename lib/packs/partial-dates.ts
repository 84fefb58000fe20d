/**
 * Partial pack dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as the periods they
 * name. Kept apart from the valibot schema so the engine (and so the content
 * script) can use them without loading the validator.
 */

/**
 * First day a partial date can mean (`2017` → `2017-01-01`, `2017-08` →
 * `2017-08-01`), so partial dates compare as the periods they name.
 */
export function dateLowerBound(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** Last day a partial date can mean (`2017` → `2017-12-31`, `2021-01` → `2021-01-31`). */
export function dateUpperBound(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${date}-${String(last).padStart(2, '0')}`;
  }
  return date;
}
