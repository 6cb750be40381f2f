import { errorsFor } from '../../forms.js';
import { inFormWords } from './formWording.js';

describe('inFormWords', () => {
  const sut = inFormWords;

  it('should say a validator’s message in the GOV.UK pattern’s words, in the summary and inline', () => {
    const errors = errorsFor([{ field: 'email', text: 'Email address must be an email' }]);
    const result = sut(errors, {
      wording: { email: [/must be an email/, 'Enter an email address in the correct format'] },
    });
    expect(result).toEqual({
      list: [{ text: 'Enter an email address in the correct format', href: '#email' }],
      byField: { email: { text: 'Enter an email address in the correct format' } },
    });
  });

  it('should keep other messages, and point a date’s link at its day box', () => {
    const errors = errorsFor([
      { field: 'email', text: 'Someone is already invited with this email' },
      { field: 'endsOn', text: 'Ends on must be a real date' },
    ]);
    const result = sut(errors, { wording: { email: [/must be an email/, 'x'] }, dateFields: ['endsOn'] });
    expect(result.list).toEqual([
      { text: 'Someone is already invited with this email', href: '#email' },
      { text: 'Ends on must be a real date', href: '#endsOn-day' },
    ]);
  });
});
