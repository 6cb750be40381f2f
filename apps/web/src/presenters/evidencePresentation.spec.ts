import {
  mappingPicker,
  mappingDecisionText,
  reviewerChoices,
  statusTag,
  ukToday,
} from './evidencePresentation.js';

describe('evidence presentation', () => {
  it('should offer current framework items by name, PCF first, without super-domains, and levels where there are some', () => {
    const sut = mappingPicker([
      {
        code: 'KSS_ADULTS',
        name: 'Knowledge and Skills Statement for social workers in adult services',
        versions: [
          {
            version: '2015',
            status: 'CURRENT',
            levels: [],
            items: [{ code: '4', title: 'Mental capacity', kind: 'STATEMENT' }],
          },
        ],
      },
      {
        code: 'PCF',
        name: 'Professional Capabilities Framework',
        versions: [
          {
            version: '2018',
            status: 'CURRENT',
            levels: [{ code: 'ASYE', name: 'Assessed and Supported Year in Employment (NQSW)' }],
            items: [
              { code: 'PURPOSE', title: 'Purpose', kind: 'SUPER_DOMAIN' },
              { code: 'KNOWLEDGE', title: 'Knowledge', kind: 'DOMAIN' },
            ],
          },
          {
            version: '2012',
            status: 'RETIRED',
            levels: [],
            items: [{ code: 'KNOWLEDGE', title: 'Knowledge', kind: 'DOMAIN' }],
          },
        ],
      },
    ]);
    expect(sut.items).toEqual([
      {
        label: 'Professional Capabilities Framework (2018)',
        options: [{ value: 'PCF|2018|KNOWLEDGE', text: 'Knowledge' }],
      },
      {
        label: 'Knowledge and Skills Statement for social workers in adult services (2015)',
        options: [{ value: 'KSS_ADULTS|2015|4', text: 'Mental capacity' }],
      },
    ]);
    expect(sut.levels).toEqual([
      {
        label: 'Professional Capabilities Framework (2018)',
        options: [{ value: 'ASYE', text: 'Assessed and Supported Year in Employment (NQSW)' }],
      },
    ]);
    expect([...sut.levelled]).toEqual(['PCF|2018']);
  });

  it('should name each reviewer once per capacity, and ask a practice educator’s student for the placement', () => {
    const sut = reviewerChoices([
      { assessorUserId: 'a', capacity: 'ASYE_ASSESSOR', assessor: { fullName: 'Asha Assessor' } },
      { assessorUserId: 'a', capacity: 'ASYE_ASSESSOR', assessor: { fullName: 'Asha Assessor' } },
      { assessorUserId: 'e', capacity: 'PRACTICE_EDUCATOR', assessor: { fullName: 'Ed Educator' } },
    ]);
    expect(sut).toEqual([
      { value: 'a', text: 'Asha Assessor (ASYE assessor)', needsPlacement: false },
      { value: 'e', text: 'Ed Educator (Practice educator)', needsPlacement: true },
    ]);
  });

  it.each([
    ['DRAFT', 'Draft'],
    ['SUBMITTED', 'Waiting for review'],
    ['CHANGES_REQUESTED', 'Changes requested'],
    ['APPROVED', 'Approved'],
  ] as const)('should show %s as %p', (status, text) => {
    expect(statusTag(status).text).toBe(text);
  });

  it('should say what the reviewer decided on a mapping', () => {
    expect(mappingDecisionText(null)).toBe('Not decided yet');
    expect(mappingDecisionText('ACCEPTED_AT_OTHER_LEVEL', 'Social worker')).toBe('Accepted at Social worker');
    expect(mappingDecisionText('NOT_ACCEPTED')).toBe('Not accepted');
  });

  it('should give the UK date, which is a day ahead of UTC late on a summer evening', () => {
    expect(ukToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(ukToday(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
  });
});
