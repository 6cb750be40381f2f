import 'reflect-metadata';
import { InvalidEnvironmentError, validateEnvironment as sut } from './env.schema.js';

describe('validateEnvironment: jobs and email', () => {
  it('should run the job queue hourly without email by default', () => {
    const env = sut({});
    expect(env.JOBS_ENABLED).toBe(true);
    expect(env.REMINDER_SCAN_CRON).toBe('5 * * * *');
    expect(env.SMTP_URL).toBeUndefined();
  });

  it.each<[Record<string, string>, boolean]>([
    [{ JOBS_ENABLED: 'false' }, true],
    [{ SMTP_URL: 'smtps://user:secret@mail.example.org:465', MAIL_FROM: 'pathways@example.org' }, true],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'pathways@localhost' }, true],
    [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, false],
    [{ SMTP_URL: 'https://mail.example.org', MAIL_FROM: 'pathways@example.org' }, false],
    [{ MAIL_FROM: 'not an address' }, false],
    [{ REMINDER_SCAN_CRON: 'hourly' }, false],
  ])('should judge %j valid: %s', (raw, valid) => {
    if (valid) expect(() => sut(raw)).not.toThrow();
    else expect(() => sut(raw)).toThrow(InvalidEnvironmentError);
  });
});
