import { AUDIT_ACTIONS } from './audit-actions.js';

describe('AUDIT_ACTIONS', () => {
  it('should list each action once', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it('should keep every action a short upper-case name that fits the action column', () => {
    for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[A-Z][A-Z_]{2,59}$/);
  });
});
