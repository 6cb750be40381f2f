import { DomainError } from '../errors.js';
import { assertCanStartAsye as sut } from './assert-can-start-asye.js';
import { DEFAULT_ASYE_POLICY, type AsyeStartFacts } from './asye.types.js';

function facts(overrides: Partial<AsyeStartFacts> = {}): AsyeStartFacts {
  return {
    practitionerUserId: 'nqsw',
    assessorUserId: 'assessor',
    startDate: '2025-09-01',
    qualifiedOn: '2025-07-01',
    registration: {
      regulator: 'SOCIAL_WORK_ENGLAND',
      number: 'SW123',
      registeredFrom: '2025-08-15',
      registeredUntil: null,
    },
    hasOpenProgramme: false,
    ...overrides,
  };
}

function errorOf(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

const registration = (overrides: Partial<NonNullable<AsyeStartFacts['registration']>>) => ({
  ...facts().registration!,
  ...overrides,
});

describe('assertCanStartAsye', () => {
  it.each<[string, Partial<AsyeStartFacts>]>([
    ['qualified and registered before the start', {}],
    [
      'starting on the day they qualified and registered',
      { qualifiedOn: '2025-09-01', registration: registration({ registeredFrom: '2025-09-01' }) },
    ],
    ['qualified three years ago, with no limit set', { qualifiedOn: '2022-07-01' }],
    ['registered until the start date', { registration: registration({ registeredUntil: '2025-09-01' }) }],
  ])('should allow an NQSW %s', (_label, overrides) => {
    expect(() => sut(facts(overrides))).not.toThrow();
  });

  it.each<[string, Partial<AsyeStartFacts>, string, string | undefined]>([
    ['with an ASYE in progress', { hasOpenProgramme: true }, 'ASYE_ALREADY_OPEN', undefined],
    ['assessing themself', { assessorUserId: 'nqsw' }, 'ASSESSOR_IS_PRACTITIONER', undefined],
    ['with no qualification recorded', { qualifiedOn: null }, 'ASYE_NOT_QUALIFIED', 'NO_QUALIFICATION'],
    [
      'starting the day before qualifying',
      { qualifiedOn: '2025-09-02' },
      'ASYE_NOT_QUALIFIED',
      'STARTS_BEFORE_QUALIFYING',
    ],
    ['with no registration', { registration: null }, 'ASYE_NOT_QUALIFIED', 'NOT_REGISTERED'],
    [
      'registered from the day after the start',
      { registration: registration({ registeredFrom: '2025-09-02' }) },
      'ASYE_NOT_QUALIFIED',
      'NOT_REGISTERED',
    ],
    [
      'with no registration date',
      { registration: registration({ registeredFrom: null }) },
      'ASYE_NOT_QUALIFIED',
      'NOT_REGISTERED',
    ],
    [
      'whose registration lapsed',
      { registration: registration({ registeredUntil: '2025-08-31' }) },
      'ASYE_NOT_QUALIFIED',
      'NOT_REGISTERED',
    ],
    [
      'registered in Wales only',
      { registration: registration({ regulator: 'SOCIAL_CARE_WALES' }) },
      'ASYE_NOT_QUALIFIED',
      'NOT_REGISTERED',
    ],
  ])('should refuse an NQSW %s', (_label, overrides, code, reason) => {
    const error = errorOf(() => sut(facts(overrides)));
    expect(error?.code).toBe(code);
    if (reason !== undefined) expect(error?.meta).toEqual({ reason });
  });

  it.each([
    ['2027-07-01', false],
    ['2027-07-02', true],
  ])('should, with a 24-month limit, refuse a start on %s: %s', (startDate, refused) => {
    const policy = { ...DEFAULT_ASYE_POLICY, maxMonthsSinceQualifying: 24 };
    const error = errorOf(() => sut(facts({ startDate }), policy));
    expect(error?.meta).toEqual(refused ? { reason: 'QUALIFIED_TOO_LONG_AGO' } : undefined);
  });
});
