import { summariseCoverage } from './coverageSummary.js';

const domains = [
  { code: 'PROFESSIONALISM', title: 'Professionalism' },
  { code: 'VALUES_AND_ETHICS', title: 'Values and ethics' },
  { code: 'KNOWLEDGE', title: 'Knowledge' },
];

const cell = (itemCode: string, approved: number, submitted: number) => ({
  itemCode,
  approved,
  submitted,
  changesRequested: 0,
  draft: 1,
});

describe('summariseCoverage', () => {
  it('should sum each domain over its levels, in framework order, and name the gaps', () => {
    const sut = summariseCoverage(
      domains,
      [cell('KNOWLEDGE', 0, 1), cell('PROFESSIONALISM', 2, 0), cell('PROFESSIONALISM', 1, 1)],
      ['VALUES_AND_ETHICS', 'KNOWLEDGE'],
    );
    expect(sut).toEqual({
      domains: [
        { code: 'PROFESSIONALISM', title: 'Professionalism', approved: 3, submitted: 1 },
        { code: 'VALUES_AND_ETHICS', title: 'Values and ethics', approved: 0, submitted: 0 },
        { code: 'KNOWLEDGE', title: 'Knowledge', approved: 0, submitted: 1 },
      ],
      domainsWithApproved: 1,
      domainsWaiting: 2,
      gaps: ['Values and ethics', 'Knowledge'],
      headline: 'Approved evidence in 1 of 3 PCF domains.',
    });
  });

  it('should say plainly when nothing is approved yet', () => {
    const sut = summariseCoverage(domains, [], ['PROFESSIONALISM', 'VALUES_AND_ETHICS', 'KNOWLEDGE']);
    expect(sut.headline).toBe('No approved evidence in any PCF domain yet.');
    expect(sut.domainsWithApproved).toBe(0);
  });
});
