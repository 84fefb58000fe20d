/**
 * Which role a pack person held at an article's date.
 *
 * Role dates may be partial (`2017`, `2021-01`) or null when the reference
 * could not verify them. A partial date is read as the whole period it names:
 * a role `to: "2021-01"` still covers 2021-01-20. A null `from` means "start
 * unknown" and a null `to` "still held, or end unknown", so such a role covers
 * a date only weakly (`'open'`), which matters when choosing between people.
 */
import type { Role } from '../types';
import type { PackEntity } from '../packs/types';
import { dateLowerBound, dateUpperBound } from '../packs/partial-dates';

/** How a role relates to a date: held with both ends known, held with an end unknown, or not held. */
export type RoleCoverage = 'closed' | 'open' | null;

/** Whether `role` was held on `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export function roleCoverage(role: Role, date: string): RoleCoverage {
  const lo = dateLowerBound(date);
  const hi = dateUpperBound(date);
  if (role.from && dateLowerBound(role.from) > hi) return null;
  if (role.to && dateUpperBound(role.to) < lo) return null;
  return role.from && role.to ? 'closed' : 'open';
}

/** Where a role stands relative to a date, for wording such as "then" or "former". */
export type RoleStatus = 'current' | 'former' | 'future' | 'unknown';

/** `current` when held on the date, `former` when it ended before, `future` when it began after. */
export function roleStatusAt(role: Role, date: string | null): RoleStatus {
  if (date === null) return role.to ? 'former' : 'unknown';
  if (roleCoverage(role, date) !== null) return 'current';
  if (role.to && dateUpperBound(role.to) < dateLowerBound(date)) return 'former';
  return 'future';
}

function fromKey(role: Role): string {
  return role.from ? dateLowerBound(role.from) : '0000';
}

function toKey(role: Role): string {
  return role.to ? dateUpperBound(role.to) : '9999';
}

/**
 * The role `entity` held at `date`. Among roles held then, one with both ends
 * known wins over an open-ended one, then the latest appointment. When no role
 * covers the date, the most recent role that had already ended is returned
 * (so a former president is still shown as president, with dates); when every
 * role began after the date (Trump in 2016), the answer is null: the pack
 * knows no office the person held then. With no date, the most recent role.
 */
export function roleAt(entity: PackEntity, date: string | null): Role | null {
  const roles = entity.roles;
  if (roles.length === 0) return null;
  if (date === null) {
    return roles.reduce((best, r) => (toKey(r) > toKey(best) || (toKey(r) === toKey(best) && fromKey(r) > fromKey(best)) ? r : best));
  }
  let best: Role | null = null;
  let bestClosed = false;
  for (const role of roles) {
    const coverage = roleCoverage(role, date);
    if (coverage === null) continue;
    const closed = coverage === 'closed';
    if (!best || (closed && !bestClosed) || (closed === bestClosed && fromKey(role) > fromKey(best))) {
      best = role;
      bestClosed = closed;
    }
  }
  if (best) return best;
  const lo = dateLowerBound(date);
  const ended = roles.filter((r) => r.to && dateUpperBound(r.to) < lo);
  if (ended.length === 0) return null;
  return ended.reduce((a, b) => (toKey(b) > toKey(a) ? b : a));
}

/** The strongest coverage any of the entity's roles gives `date` (null date: every person counts as open). */
export function entityCoverage(entity: PackEntity, date: string | null): RoleCoverage {
  if (date === null) return 'open';
  let out: RoleCoverage = null;
  for (const role of entity.roles) {
    const c = roleCoverage(role, date);
    if (c === 'closed') return 'closed';
    if (c === 'open') out = 'open';
  }
  return out;
}
