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

describe('validateEnvironment: production and proxies', () => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'j'.repeat(32),
    CREDENTIAL_KEY_SECRET: 'c'.repeat(32),
    PUBLIC_BASE_URL: 'https://pathways.example-council.gov.uk',
  };

  it('should start in production with the documented secrets and public address', () => {
    expect(() => sut(production)).not.toThrow();
  });

  it('should refuse production without PUBLIC_BASE_URL, naming it', () => {
    const { PUBLIC_BASE_URL: _, ...rest } = production;
    expect(() => sut(rest)).toThrow(/PUBLIC_BASE_URL: must be set/);
  });

  it.each<[string, boolean]>([
    ['1', true],
    ['2', true],
    ['10.0.0.0/8, 192.168.1.10', true],
    ['loopback', true],
    ['::1', true],
    ['everyone', false],
    ['1; rm', false],
  ])('should judge TRUST_PROXY %j valid: %s', (value, valid) => {
    const run = () => sut({ TRUST_PROXY: value });
    if (valid) expect(run).not.toThrow();
    else expect(run).toThrow(/TRUST_PROXY/);
  });
});

describe('validateEnvironment: METRICS_ALLOW', () => {
  it('should allow only loopback by default', () => {
    expect(sut({}).METRICS_ALLOW).toBe('loopback');
  });

  it.each<[string, boolean]>([
    ['10.0.0.5', true],
    ['loopback, 10.0.0.0/8, 2001:db8::/32', true],
    ['10.0.0.0/40', false],
    ['prometheus.internal', false],
    ['*', false],
  ])('should judge %s valid: %s', (value, valid) => {
    if (valid) expect(() => sut({ METRICS_ALLOW: value })).not.toThrow();
    else expect(() => sut({ METRICS_ALLOW: value })).toThrow(/METRICS_ALLOW/);
  });
});

describe('validateEnvironment: HTTP requests', () => {
  it('should give a client two minutes to send a whole request by default', () => {
    expect(sut({}).HTTP_REQUEST_TIMEOUT_SECONDS).toBe(120);
  });

  it.each<[string, boolean]>([
    ['1', true],
    ['3600', true],
    ['0', false],
    ['3601', false],
    ['soon', false],
  ])('should judge HTTP_REQUEST_TIMEOUT_SECONDS %j valid: %s', (value, valid) => {
    const run = () => sut({ HTTP_REQUEST_TIMEOUT_SECONDS: value });
    if (valid) expect(run).not.toThrow();
    else expect(run).toThrow(/HTTP_REQUEST_TIMEOUT_SECONDS/);
  });
});

describe('validateEnvironment: CORS_ORIGINS', () => {
  it('should leave CORS off by default', () => {
    expect(sut({}).CORS_ORIGINS).toBeUndefined();
  });

  it.each<[string, boolean]>([
    ['https://app.example.org', true],
    ['https://app.example.org, http://localhost:5173', true],
    ['http://127.0.0.1:8080', true],
    ['*', true],
    ['https://app.example.org/', false],
    ['https://app.example.org/path', false],
    ['https://App.Example.org', false],
    ['https://user@app.example.org', false],
    ['https://app.example.org:443', false],
    ['ftp://app.example.org', false],
    ['app.example.org', false],
    ['*.example.org', false],
    ['*, https://app.example.org', false],
    ['https://app.example.org,', false],
  ])('should judge %j valid: %s', (value, valid) => {
    const run = () => sut({ CORS_ORIGINS: value });
    if (valid) expect(run).not.toThrow();
    else expect(run).toThrow(/CORS_ORIGINS/);
  });
});
