import {
  autosaveValues,
  checkEvidenceForm,
  createEvidenceInputFrom,
  evidenceFormValuesFrom,
  isoDateOf,
  updateEvidenceInputFrom,
} from './evidenceForm.js';

const LEVELLED = new Set(['PCF|2018']);

/** A body as the urlencoded parser gives it for a filled-in CPD form. */
function postedCpd(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _csrf: 'token',
    evidenceId: '',
    revision: '',
    kind: 'CPD_ACTIVITY',
    cpdActivityType: 'TRAINING',
    'dateFrom-day': '12',
    'dateFrom-month': '10',
    'dateFrom-year': '2026',
    'dateTo-day': '',
    'dateTo-month': '',
    'dateTo-year': '',
    hours: '6.5',
    title: 'Mental Capacity Act refresher',
    description: 'A day of training.',
    learning: 'Record each decision.',
    impact: 'My assessments record each decision.',
    peerReflection: { text: 'My manager and I compared two assessments.', peerRole: ' Team manager ' },
    mappings: [
      { target: 'PCF|2018|KNOWLEDGE', levelCode: 'ASYE', rationale: 'I applied the Act.' },
      { target: 'KSS_ADULTS|2015|4', levelCode: 'ASYE', rationale: 'Mental capacity.' },
      { target: '', levelCode: '', rationale: '' },
    ],
    ...overrides,
  };
}

describe('evidence form parsing', () => {
  it('should turn the posted form into createEvidence input, dropping empty rows and levels a framework lacks', () => {
    const sut = createEvidenceInputFrom(evidenceFormValuesFrom(postedCpd()), LEVELLED);
    expect(sut).toEqual({
      kind: 'CPD_ACTIVITY',
      cpdActivityType: 'TRAINING',
      title: 'Mental Capacity Act refresher',
      dateFrom: '2026-10-12',
      dateTo: null,
      hours: 6.5,
      description: 'A day of training.',
      learning: 'Record each decision.',
      impact: 'My assessments record each decision.',
      peerReflection: { text: 'My manager and I compared two assessments.', peerRole: 'Team manager' },
      mappings: [
        {
          frameworkCode: 'PCF',
          version: '2018',
          itemCode: 'KNOWLEDGE',
          levelCode: 'ASYE',
          rationale: 'I applied the Act.',
        },
        {
          frameworkCode: 'KSS_ADULTS',
          version: '2015',
          itemCode: '4',
          levelCode: null,
          rationale: 'Mental capacity.',
        },
      ],
      confirmNoIdentifiers: false,
    });
  });

  it('should read mapping rows the parser keyed by index (beyond its array limit) in order', () => {
    const sut = evidenceFormValuesFrom(
      postedCpd({ mappings: { '10': { target: 'b' }, '2': { target: 'a' }, x: { target: 'ignored' } } }),
    );
    expect(sut.mappings.map((m) => m.target)).toEqual(['a', 'b']);
  });

  it('should send no CPD type for other kinds and no peer reflection when it is blank', () => {
    const sut = createEvidenceInputFrom(
      evidenceFormValuesFrom(
        postedCpd({ kind: 'DIRECT_OBSERVATION', peerReflection: { text: '  ', peerRole: 'x' } }),
      ),
      LEVELLED,
    );
    expect(sut.cpdActivityType).toBeNull();
    expect(sut.peerReflection).toBeNull();
  });

  it('should confirm no identifiers on update only when every warned field is ticked', () => {
    const values = evidenceFormValuesFrom(
      postedCpd({ evidenceId: 'e1', revision: '3', identifiersChecked: ['learning'] }),
    );
    expect(updateEvidenceInputFrom(values, LEVELLED, ['learning']).confirmNoIdentifiers).toBe(true);
    expect(
      updateEvidenceInputFrom(values, LEVELLED, ['learning', 'impact']).confirmNoIdentifiers,
    ).toBeUndefined();
    expect(updateEvidenceInputFrom(values, LEVELLED, []).confirmNoIdentifiers).toBeUndefined();
  });

  it('should name the revision edited and remove a peer reflection that was cleared', () => {
    const sut = updateEvidenceInputFrom(
      evidenceFormValuesFrom(postedCpd({ evidenceId: 'e1', revision: '3', peerReflection: { text: '' } })),
      LEVELLED,
      [],
    );
    expect(sut).toMatchObject({ evidenceId: 'e1', expectedRevision: 3, removePeerReflection: true });
    expect(sut).not.toHaveProperty('kind');
  });

  it.each([
    [{ day: '12', month: '10', year: '2026' }, '2026-10-12'],
    [{ day: '1', month: '2', year: '2026' }, '2026-02-01'],
    [{ day: '', month: '', year: '' }, undefined],
    [{ day: '31', month: '2', year: '2026' }, null],
    [{ day: '12', month: '10', year: '26' }, null],
    [{ day: 'x', month: '10', year: '2026' }, null],
  ])('should read the date boxes %j as %p', (parts, expected) => {
    expect(isoDateOf(parts)).toBe(expected);
  });

  it('should find the problems the API could only describe in its own terms', () => {
    const sut = checkEvidenceForm(
      evidenceFormValuesFrom(
        postedCpd({
          cpdActivityType: '',
          'dateFrom-day': '',
          'dateFrom-month': '',
          'dateFrom-year': '',
          hours: 'six',
          mappings: [{ target: '', rationale: 'Why, without what' }],
        }),
      ),
      true,
    );
    expect(sut.map((p) => p.field)).toEqual(['cpdActivityType', 'dateFrom', 'hours', 'mappings.0.target']);
  });

  it('should let an autosave keep an unfinished draft with placeholders, but not before the kind is chosen', () => {
    const unfinished = evidenceFormValuesFrom(
      postedCpd({ title: ' ', 'dateFrom-day': '', cpdActivityType: '', hours: 'lots' }),
    );
    const sut = autosaveValues(unfinished, '2026-12-03');
    expect(sut).toMatchObject({
      title: 'Untitled draft',
      dateFrom: { day: '03', month: '12', year: '2026' },
      cpdActivityType: 'OTHER',
      hours: '',
      learning: 'Record each decision.',
    });
    expect(checkEvidenceForm(sut!, true)).toEqual([]);
    expect(autosaveValues(evidenceFormValuesFrom(postedCpd({ kind: '' })), '2026-12-03')).toBeNull();
  });
});
