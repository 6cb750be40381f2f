import { DomainError } from '../errors.js';
import { planEvidenceEdit as sut } from './plan-evidence-edit.js';

describe('planEvidenceEdit', () => {
  it.each([
    ['DRAFT', 'EDIT_IN_PLACE'],
    ['APPROVED', 'NEW_VERSION'],
    ['CHANGES_REQUESTED', 'NEW_VERSION'],
  ] as const)('should plan an edit of %s evidence as %s', (status, expected) => {
    expect(sut(status)).toBe(expected);
  });

  it('should refuse to edit SUBMITTED evidence and say to withdraw it first', () => {
    const act = () => sut('SUBMITTED');
    expect(act).toThrow(DomainError);
    expect(act).toThrow(
      expect.objectContaining({ code: 'EVIDENCE_NOT_EDITABLE', meta: { status: 'SUBMITTED' } }),
    );
    expect(act).toThrow(/withdraw it first/);
  });
});
