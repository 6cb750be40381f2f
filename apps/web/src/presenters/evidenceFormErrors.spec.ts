import { ApiError } from '../data/apiError.js';
import {
  evidenceFieldOf,
  evidenceFormErrors,
  identifierNoticesByField,
  localFormErrors,
} from './evidenceFormErrors.js';

describe('evidence form errors', () => {
  it.each([
    ['input.title', 'title'],
    ['input.mappings.0.rationale', 'mappings.0.rationale'],
    ['mappings[1].rationale', 'mappings.1.rationale'],
    ['input.mappings.2.itemCode', 'mappings.2.target'],
    ['input.mappings.0.version', 'mappings.0.target'],
    ['input.mappings.3', 'mappings.3.target'],
    ['input.peerReflection', 'peerReflection.text'],
    ['input.peerReflection.peerRole', 'peerReflection.peerRole'],
    ['attachments[0].fileName', 'attachments'],
    ['input.expectedRevision', undefined],
    [undefined, undefined],
  ])('should map the API field %p to the form field %p', (apiField, formField) => {
    expect(evidenceFieldOf(apiField)).toBe(formField);
  });

  it('should link each refused field to its form field id, in the form’s words', () => {
    const error = new ApiError(
      'Invalid input',
      'BAD_USER_INPUT',
      undefined,
      [
        { field: 'input.title', messages: ['must not be empty'] },
        {
          field: 'input.mappings.0.rationale',
          messages: ['rationale must be shorter than or equal to 2000 characters'],
        },
        { field: 'input.dateFrom', messages: ['must not be in the future'] },
      ],
      undefined,
      400,
    );
    const sut = evidenceFormErrors(error);
    expect(sut.list).toEqual([
      { text: 'Title must not be empty', href: '#title' },
      {
        text: 'Mapping 1 rationale must be shorter than or equal to 2000 characters',
        href: '#mappings-0-rationale',
      },
      { text: 'Date must not be in the future', href: '#dateFrom-day' },
    ]);
    expect(Object.keys(sut.byField)).toEqual(['title', 'mappings.0.rationale', 'dateFrom']);
  });

  it('should put a stale revision on the first field', () => {
    const error = new ApiError(
      'This evidence changed since you opened it.',
      'CONFLICT',
      'input.expectedRevision',
      [],
      'STALE_VERSION',
      409,
    );
    expect(evidenceFormErrors(error).list).toEqual([
      { text: 'This evidence changed since you opened it.', href: '#title' },
    ]);
  });

  it('should link a date problem found before asking the API to the day box', () => {
    expect(localFormErrors([{ field: 'dateTo', text: 'Enter a real date' }]).list).toEqual([
      { text: 'Enter a real date', href: '#dateTo-day' },
    ]);
  });

  it('should describe likely identifiers by field, in words, without repeating the text', () => {
    const sut = identifierNoticesByField([
      { field: 'learning', kind: 'POSTCODE' },
      { field: 'learning', kind: 'PHONE_NUMBER' },
      { field: 'learning', kind: 'POSTCODE' },
      { field: 'mappings[0].rationale', kind: 'NHS_NUMBER' },
    ]);
    expect(Object.keys(sut)).toEqual(['learning', 'mappings.0.rationale']);
    expect(sut.learning!.id).toBe('learning-identifiers');
    expect(sut.learning!.text).toContain('what looks like a postcode and a phone number');
    expect(sut['mappings.0.rationale']!.id).toBe('mappings-0-rationale-identifiers');
  });
});
