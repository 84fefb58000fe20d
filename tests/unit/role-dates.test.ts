import { describe, expect, it } from 'vitest';
import { describeRole, describeRoleSpan } from '../../lib/export';
import { roleDates } from '../../components/card/model';
import type { Role } from '../../lib/types';

/** An invented role; only the dates change between cases. */
function role(from: string | null, to: string | null): Role {
  return { title: 'Harbour Commissioner', org: 'Port Authority', country: 'NZ', from, to, sourceIds: [] };
}

describe('role dates with an open end', () => {
  it('says when a role began, never that it is current, when the end is not recorded', () => {
    expect(describeRoleSpan(role('2017', null))).toBe('from 2017');
    expect(roleDates(role('2017', null))).toBe('from 2017');
    expect(describeRole(role('2017', null))).toBe('Harbour Commissioner (Port Authority, NZ), from 2017');
    expect(describeRole(role('2017', null))).not.toMatch(/present/i);
  });

  it('says when a role ended when only the end is recorded', () => {
    expect(describeRoleSpan(role(null, '2006'))).toBe('until 2006');
    expect(roleDates(role(null, '2006'))).toBe('until 2006');
  });

  it('gives both ends when both are known, and nothing when neither is', () => {
    expect(describeRoleSpan(role('2014', '2019'))).toBe('2014 – 2019');
    expect(describeRoleSpan(role(null, null))).toBe('');
  });
});
