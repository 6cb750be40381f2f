import 'reflect-metadata';
import { buildAppConfig as sut, startupWarnings } from './app-config.js';

const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'j'.repeat(32),
  CREDENTIAL_KEY_SECRET: 'c'.repeat(32),
  PUBLIC_BASE_URL: 'https://pathways.example-council.gov.uk',
};

describe('buildAppConfig: the demo organisation', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['in development by default', {}, true],
    ['in tests by default', { NODE_ENV: 'test' }, true],
    ['in development when switched off', { SEED_DEMO: 'false' }, false],
    ['never in production by default', production, false],
    ['not in production when SEED_DEMO is empty', { ...production, SEED_DEMO: '' }, false],
    ['not in production when switched off', { ...production, SEED_DEMO: 'false' }, false],
    ['in production only when asked for explicitly', { ...production, SEED_DEMO: 'true' }, true],
  ])('should seed it %s', (_label, raw, seeded) => {
    expect(sut(raw).db.seedDemo).toBe(seeded);
  });

  it('should warn at start-up, naming SEED_DEMO, only when production seeds the demo', () => {
    const warnings = startupWarnings(sut({ ...production, SEED_DEMO: 'true' }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^WARNING: SEED_DEMO=true in production/);
    expect(warnings[0]).toMatch(/password/);
    expect(startupWarnings(sut(production))).toEqual([]);
    expect(startupWarnings(sut({}))).toEqual([]);
  });
});

describe('buildAppConfig: CORS', () => {
  it('should allow no origin unless CORS_ORIGINS lists them', () => {
    expect(sut({}).cors.origins).toEqual([]);
    expect(sut({ CORS_ORIGINS: 'https://app.example.org , http://localhost:5173' }).cors.origins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(sut({ CORS_ORIGINS: '*' }).cors.origins).toEqual(['*']);
  });
});
