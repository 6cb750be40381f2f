export * from './factories/organisation.factory.js';
export * from './gql.js';
export * from './test-app.js';
export * from './count-statements.js';
export * from './factories/portfolio.factory.js';
export * from './loopback-smtp.js';
export * from './e2e-run.js';
