import { DomainError } from '../errors.js';
import { assertSupervisionValid as sut } from './assert-supervision-valid.js';
import type { SupervisionRecordInput } from './supervision.types.js';

const TODAY = '2025-05-20';

function session(overrides: Partial<SupervisionRecordInput> = {}): SupervisionRecordInput {
  return {
    date: '2025-05-19',
    minutes: 90,
    kind: 'REFLECTIVE',
    supervisorUserId: 'supervisor',
    superviseeUserId: 'nqsw',
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

describe('assertSupervisionValid', () => {
  it.each<[string, Partial<SupervisionRecordInput>]>([
    ['a 90-minute session yesterday', {}],
    ['a session today', { date: TODAY }],
    ['a one-minute session', { minutes: 1 }],
    ['a session of exactly a working day (8 hours)', { minutes: 480 }],
    ['a short group session, recorded though it will not count', { minutes: 45, kind: 'GROUP' }],
  ])('should accept %s', (_label, overrides) => {
    expect(() => sut(session(overrides), TODAY)).not.toThrow();
  });

  it.each<[string, Partial<SupervisionRecordInput>, string]>([
    ['a session tomorrow', { date: '2025-05-21' }, 'input.date'],
    ['a session of no minutes', { minutes: 0 }, 'input.durationMinutes'],
    ['a negative duration', { minutes: -30 }, 'input.durationMinutes'],
    ['a session longer than a working day', { minutes: 481 }, 'input.durationMinutes'],
    ['a fractional duration', { minutes: 90.5 }, 'input.durationMinutes'],
    ['a duration that is not a number', { minutes: Number.NaN }, 'input.durationMinutes'],
    ['someone supervising themself', { supervisorUserId: 'nqsw' }, 'input.supervisorId'],
  ])('should refuse %s with SUPERVISION_INVALID', (_label, overrides, field) => {
    expect(errorOf(() => sut(session(overrides), TODAY))).toMatchObject({
      code: 'SUPERVISION_INVALID',
      field,
    });
  });
});
