import { DomainError } from '../errors.js';
import { assertCanGrantRoles, grantableRoles } from './assert-can-grant-roles.js';
import { checkPasswordStrength } from './check-password-strength.js';
import { ROLES, type Role } from './roles.js';

describe('checkPasswordStrength', () => {
  const person = { email: 'sam.jones@council.example', fullName: 'Samantha Jones' };
  it.each([
    ['correct horse battery', []],
    ['short1!', ['must be at least 12 characters']],
    ['Password123!', ['is a commonly used password']],
    ['aaaaaaaaaaaaaaaa', ['must use at least 5 different characters']],
    ['my samantha secret', ['must not contain your name or email address']],
    ['sam.jones@council', ['must not contain your name or email address']],
  ])('should judge %p as %p', (password, expected) => {
    expect(checkPasswordStrength(password, person)).toEqual(expected);
  });

  it('should accept exactly the minimum length and refuse one less', () => {
    expect(checkPasswordStrength('abcdefghijk9', person)).toEqual([]);
    expect(checkPasswordStrength('abcdefghij9', person)).toEqual(['must be at least 12 characters']);
  });
});

describe('assertCanGrantRoles', () => {
  const everyRole = [...ROLES];
  it('should let an ORG_ADMIN grant every role', () => {
    expect(() => assertCanGrantRoles(['ORG_ADMIN'], everyRole)).not.toThrow();
  });

  it.each<[Role[], Role[], Role[]]>([
    [['PRINCIPAL_SOCIAL_WORKER'], ['ASSESSOR', 'ORG_ADMIN'], ['ORG_ADMIN']],
    [['PRINCIPAL_SOCIAL_WORKER'], ['PRINCIPAL_SOCIAL_WORKER'], ['PRINCIPAL_SOCIAL_WORKER']],
    [['PRACTITIONER'], ['PRACTITIONER'], ['PRACTITIONER']],
    [['ASSESSOR', 'SUPERVISOR'], ['PRACTITIONER'], ['PRACTITIONER']],
  ])('should refuse callers %p granting %p (refused: %p)', (caller, requested, refused) => {
    let error: unknown;
    try {
      assertCanGrantRoles(caller, requested);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ROLE_NOT_GRANTABLE');
    expect((error as DomainError).meta).toEqual({ refused });
    expect((error as DomainError).field).toBe('input.roles');
  });

  it('should let a PSW appoint practice roles', () => {
    expect([...grantableRoles(['PRINCIPAL_SOCIAL_WORKER'])].sort()).toEqual([
      'ASSESSOR',
      'PRACTICE_EDUCATOR',
      'PRACTITIONER',
      'SUPERVISOR',
    ]);
  });
});
