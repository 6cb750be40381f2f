// Sets up an organisation and invites its first ORG_ADMIN (npm run org:create -- --help).
// Exit codes: 0 invitation issued, 1 nothing changed (or no database), 2 bad arguments.
import { isEmail } from 'class-validator';
import { parseArgs } from 'node:util';
import { ORGANISATION_NAME_MAX, organisationSlug } from '#app/domain';
import type { FirstAdministratorOutcome } from '../apps/api/src/modules/invitations/first-administrator.service.js';

const USAGE = `Usage: npm run org:create -- --name "Eastshire County Council" --admin-email sam.jones@eastshire.gov.uk
         [--admin-name "Sam Jones"]

Creates the organisation and a one-time invitation (valid INVITATION_TTL_DAYS) for its first ORG_ADMIN,
who accepts it and chooses their own password. With SMTP_URL set the invitation is emailed; otherwise the
link is printed, for you to pass on. Running it again with the same name and email while the invitation is
unused issues a fresh link (the earlier one stops working); it never makes a second organisation.
Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (stop \`npm start\` first).`;

function usageError(problem: string): never {
  console.error(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

function readArguments(): { name: string; email: string; fullName: string } {
  let values: { name?: string; 'admin-email'?: string; 'admin-name'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    usageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const name = values.name?.trim() ?? '';
  if (!name) usageError('--name is required: the organisation\'s name, e.g. "Eastshire County Council"');
  if (name.length > ORGANISATION_NAME_MAX)
    usageError(`--name must be at most ${ORGANISATION_NAME_MAX} characters`);
  if (!organisationSlug(name)) usageError('--name must contain at least one letter or digit');
  const email = values['admin-email']?.trim().toLowerCase() ?? '';
  if (!email) usageError('--admin-email is required: the address the first ORG_ADMIN is invited at');
  if (email.length > 320 || !isEmail(email)) usageError(`--admin-email is not an email address: "${email}"`);
  // The name the invitation carries until the person gives their own when accepting.
  const fullName = values['admin-name']?.trim() || email.split('@')[0]!;
  if (fullName.length > 200) usageError('--admin-name must be at most 200 characters');
  return { name, email, fullName };
}

const input = readArguments();
// Loaded once the arguments are sound, so a mistyped command answers at once.
await import('reflect-metadata');
const { NestFactory } = await import('@nestjs/core');
const { DataSource } = await import('typeorm');
const { buildAppConfigOrExit } = await import('#app/config');
const { migrateAndSeedReference, resolveDatabaseServer } = await import('#app/persistence');
const { FirstAdministratorModule } =
  await import('../apps/api/src/modules/invitations/first-administrator.module.js');
const { FirstAdministratorService } =
  await import('../apps/api/src/modules/invitations/first-administrator.service.js');

function report(outcome: FirstAdministratorOutcome, email: string): number {
  const { organisation } = outcome;
  const named = `"${organisation.name}" (slug ${organisation.slug}, id ${organisation.id})`;
  if (outcome.kind === 'REFUSED') {
    const why = {
      DEMO_ORGANISATION: `${named} is the demonstration organisation.`,
      ALREADY_MEMBER: `${named} already exists and ${email} is a member of it: sign in to Pathways to invite others.`,
      ORGANISATION_EXISTS: `${named} already exists. Its ORG_ADMINs invite people in Pathways; to send its first ORG_ADMIN a fresh link, run this again with the email the invitation went to.`,
    }[outcome.reason];
    console.error(`${why} Nothing changed.`);
    return 1;
  }
  const { invitation, link, emailed } = outcome.issued;
  console.log(
    outcome.kind === 'CREATED'
      ? `Created the organisation ${named}.`
      : `${named} already exists and its ORG_ADMIN invitation to ${email} was unused: issued a fresh one (the earlier link no longer works).`,
  );
  const expires = invitation.expiresAt.toISOString().slice(0, 10);
  if (emailed) {
    console.log(`Emailed ${email} an invitation to join as ORG_ADMIN; it works once, until ${expires}.`);
  } else {
    console.log(
      `Email is not configured (SMTP_URL), so give ${email} this link yourself. It makes them ORG_ADMIN, works once, until ${expires}:\n\n  ${link}\n`,
    );
  }
  return 0;
}

const config = buildAppConfigOrExit();
let exitCode: number;
try {
  const server = await resolveDatabaseServer({
    url: config.db.url,
    dataDir: config.dataDir,
    embeddedPort: config.db.embeddedPort,
  });
  try {
    const app = await NestFactory.createApplicationContext(
      FirstAdministratorModule.forRoot(config, server.url),
      { logger: ['error'], abortOnError: false },
    );
    try {
      const dataSource = app.get(DataSource);
      // As `npm start` does: a new embedded database gets its schema; production migrates beforehand.
      if (config.db.migrationsRun) await migrateAndSeedReference(dataSource);
      else {
        const [{ ready }] = await dataSource.query(`SELECT to_regclass('organisation') IS NOT NULL AS ready`);
        if (!ready)
          throw new Error('The database has no Pathways schema yet: run `npm run db:migrate` first.');
      }
      exitCode = report(await app.get(FirstAdministratorService).setUp(input), input.email);
    } finally {
      await app.close();
    }
  } finally {
    await server.stop();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
}
process.exit(exitCode);
