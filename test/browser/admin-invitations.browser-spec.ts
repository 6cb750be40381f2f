import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#app/persistence';
import { startLoopbackSmtp } from '#app/testing';
import { latestTokenFor } from '../e2e/support/invitation-links.js';
import { AdminPages, follow } from './pages/adminPages.js';
import { SignInPage } from './pages/signInPage.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { startWebApp } from './support/web-app.js';

const ADMIN = 'admin@demo-council.example';
const NEW_PASSWORD = 'kettle orchard lantern 42';

describe('administration in a real browser: members, invitations, relationships', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let browser: Browser;
  let contexts: BrowserContext[] = [];

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    web = await startWebApp({ apiEnv: { SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' } });
    browser = await launchChromium();
  }, 90_000);

  afterEach(async () => {
    for (const c of contexts) await c.close();
    contexts = [];
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await smtp?.close();
  });

  const newPage = async (options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> => {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      ...(options.width ? { viewport: { width: options.width, height: 800 } } : {}),
    });
    contexts.push(context);
    return context.newPage();
  };

  const signedIn = async (email: string, password: string, options = {}): Promise<Page> => {
    const page = await newPage(options);
    const signIn = new SignInPage(page);
    await signIn.open(web.baseUrl);
    await signIn.signIn(email, password);
    await page.waitForURL(`${web.baseUrl}/`);
    return page;
  };

  /** The link emailed to `email`, on this test's server (the email names the configured public address). */
  const emailedLink = (email: string): string => {
    const token = latestTokenFor(smtp.messages, email);
    const message = smtp.messages.findLast((m) => m.includes(`To: ${email}`))!;
    expect(message.replace(/=\n/g, '').replace(/=3D/g, '=')).toContain(`/invitations/accept?token=${token}`);
    return `${web.baseUrl}/invitations/accept?token=${token}`;
  };

  const expectAccessible = async (page: Page, name: string) => {
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, name);
  };

  it('invites someone with JavaScript off; they accept from the email, set a password and sign in', async () => {
    const admin = await signedIn(ADMIN, DEMO_PASSWORD, { javaScriptEnabled: false });
    await follow(admin, admin.getByRole('link', { name: 'Administration' }));
    expect(await admin.title()).toBe('Members and invitations – Pathways');
    const pages = new AdminPages(admin);
    await pages.invite({
      fullName: 'Nia Newcomer',
      email: 'Nia.Newcomer@test.example',
      roles: ['Practitioner'],
      team: 'Adults',
    });
    expect(admin.url()).toBe(`${web.baseUrl}/admin/members`);
    expect(await pages.flash()).toContain('Invitation sent to nia.newcomer@test.example');
    expect(await pages.tableRows('Invitations waiting')).toEqual([
      [
        expect.stringContaining('Nia Newcomer nia.newcomer@test.example'),
        'Practitioner',
        expect.any(String),
        expect.any(String),
      ],
    ]);

    // The invitee, not signed in, opens the link in their email.
    const invitee = await newPage({ javaScriptEnabled: false });
    const acceptance = new AdminPages(invitee);
    await acceptance.accept(emailedLink('nia.newcomer@test.example'), NEW_PASSWORD, {
      registration: { regulator: 'Social Work England', number: 'SW777001', dateQualified: '2025-06-27' },
    });
    expect(invitee.url()).toBe(`${web.baseUrl}/sign-in`);
    expect(await acceptance.flash()).toContain('You have joined Demo Council (demonstration data)');
    const signIn = new SignInPage(invitee);
    await signIn.signIn('nia.newcomer@test.example', NEW_PASSWORD);
    await invitee.waitForURL(`${web.baseUrl}/`);
    expect(await invitee.locator('.govuk-phase-banner').innerText()).toContain('Nia Newcomer');
    expect(await invitee.getByRole('link', { name: 'Administration' }).count()).toBe(0);

    // The administrator now sees them as a member in the Adults team, and no longer as invited.
    await pages.openMembers(web.baseUrl);
    expect(await pages.tableRows('Invitations waiting')).toEqual([]);
    const rows = await pages.tableRows('Members');
    expect(rows).toContainEqual([
      'Nia Newcomer nia.newcomer@test.example',
      'Practitioner',
      'Adults',
      'Active',
    ]);
    await follow(admin, admin.getByRole('link', { name: 'Nia Newcomer' }));
    expect(await admin.locator('.govuk-summary-list').innerText()).toContain('Social Work England: SW777001');
  }, 120_000);

  it('shows the API’s refusal of an email in the error summary, linked to the field, keeping what was typed', async () => {
    const admin = await signedIn(ADMIN, DEMO_PASSWORD);
    const pages = new AdminPages(admin);
    await pages.openMembers(web.baseUrl);
    await expectAccessible(admin, 'admin-members');
    await pages.invite({ fullName: 'Omar Typo', email: 'omar.typo-at-test.example', roles: ['Supervisor'] });
    expect(await admin.title()).toBe('Error: Invite someone – Pathways');
    expect(await pages.errorSummaryLinks()).toEqual([
      'Enter an email address in the correct format, like name@example.com',
    ]);
    await admin.locator('.govuk-error-summary a').click();
    expect(await admin.evaluate(() => (globalThis as any).document.activeElement.id)).toBe('email');
    expect(await admin.getByLabel('Full name').inputValue()).toBe('Omar Typo');
    expect(await admin.getByLabel('Email address').inputValue()).toBe('omar.typo-at-test.example');
    expect(await admin.getByLabel('Supervisor', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(admin, 'admin-invite-error');

    await admin.getByLabel('Email address').fill('omar.typo@test.example');
    await follow(admin, admin.getByRole('button', { name: 'Send invitation' }));
    expect(await pages.flash()).toContain('Invitation sent to omar.typo@test.example');

    // The invitee's page: a password the API refuses, and one that does not match, are told on the form.
    const invitee = await newPage();
    const acceptance = new AdminPages(invitee);
    const link = emailedLink('omar.typo@test.example');
    await invitee.goto(link);
    expect(await invitee.title()).toBe('Accept your invitation – Pathways');
    await expectAccessible(invitee, 'accept-invitation');
    await acceptance.accept(link, NEW_PASSWORD, { confirmation: 'something else entirely' });
    expect(await acceptance.errorSummaryLinks()).toEqual(['The passwords do not match']);
    await acceptance.accept(link, NEW_PASSWORD, {
      registration: { regulator: 'Social Care Wales', number: 'SCW1', dateQualified: '2025-13-01' },
    });
    expect(await acceptance.errorSummaryLinks()).toEqual(['Date qualified must be a real date']);
    expect(await invitee.getByLabel('Registration number').inputValue()).toBe('SCW1');
    expect(await invitee.getByLabel('Social Care Wales').isChecked()).toBe(true);
    await acceptance.accept(link, 'short');
    expect(await invitee.title()).toBe('Error: Accept your invitation – Pathways');
    expect(await acceptance.errorSummaryLinks()).toEqual([expect.stringMatching(/password/i)]);
    await expectAccessible(invitee, 'accept-invitation-error');

    // Sent again, the first link stops working; the new one does.
    await pages.openMembers(web.baseUrl);
    await follow(admin, admin.getByRole('button', { name: 'Send again to omar.typo@test.example' }));
    expect(await pages.flash()).toContain('Invitation sent again to omar.typo@test.example');
    await invitee.goto(link);
    await acceptance.accept(link, NEW_PASSWORD);
    expect(await invitee.title()).toBe('This invitation link does not work – Pathways');
    await expectAccessible(invitee, 'invitation-invalid');
    await acceptance.accept(emailedLink('omar.typo@test.example'), NEW_PASSWORD);
    expect(await acceptance.flash()).toContain('You have joined');
    await expectAccessible(invitee, 'sign-in-after-accepting');
  }, 120_000);

  it('withdraws an invitation, changes a member’s roles and ends their membership after confirming', async () => {
    const admin = await signedIn(ADMIN, DEMO_PASSWORD);
    const pages = new AdminPages(admin);
    await pages.openMembers(web.baseUrl);
    await pages.invite({ fullName: 'Wendy Withdrawn', email: 'wendy@test.example', roles: ['Practitioner'] });
    await expectAccessible(admin, 'admin-members-with-invitation');
    await follow(admin, admin.getByRole('button', { name: 'Withdraw the invitation to wendy@test.example' }));
    expect(await pages.flash()).toContain('Invitation withdrawn for wendy@test.example');
    expect((await pages.tableRows('Invitations waiting')).flat().join(' ')).not.toContain('wendy');

    await pages.invite({ fullName: 'Lee Leaver', email: 'lee.leaver@test.example', roles: ['Practitioner'] });
    const invitee = await newPage();
    await new AdminPages(invitee).accept(emailedLink('lee.leaver@test.example'), NEW_PASSWORD);

    await pages.openMembers(web.baseUrl);
    await follow(admin, admin.getByRole('link', { name: 'Lee Leaver' }));
    expect(await admin.title()).toBe('Lee Leaver – Members – Pathways');
    await expectAccessible(admin, 'admin-member');
    await admin.getByLabel('Supervisor', { exact: true }).check();
    await follow(admin, admin.getByRole('button', { name: 'Save roles' }));
    expect(await pages.flash()).toContain('Roles changed');
    expect(await admin.locator('.govuk-summary-list').innerText()).toContain('Practitioner, Supervisor');

    await follow(admin, admin.getByRole('button', { name: 'End membership' }));
    expect(await admin.title()).toBe('End Lee Leaver’s membership – Pathways');
    await pages.fillDate(/first day without access/, '2020-02-30');
    await follow(admin, admin.getByRole('button', { name: 'Continue' }));
    expect(await pages.errorSummaryLinks()).toEqual(['The first day without access must be a real date']);
    await expectAccessible(admin, 'admin-end-membership-error');

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    await pages.fillDate(/first day without access/, today);
    await follow(admin, admin.getByRole('button', { name: 'Continue' }));
    expect(await admin.getByRole('heading', { level: 1 }).innerText()).toBe(
      'Are you sure you want to end Lee Leaver’s membership?',
    );
    await expectAccessible(admin, 'admin-end-membership-confirm');
    await follow(admin, admin.getByRole('button', { name: 'End membership' }));
    expect(await pages.flash()).toContain('Membership ended');
    const status = await admin.locator('.govuk-summary-list').innerText();
    expect(status).toContain('Left');
    expect(status).toMatch(
      /They keep only their own records; from \d+ \w+ \d{4} the organisation may erase them/,
    );
    await expectAccessible(admin, 'admin-member-left');
  }, 120_000);

  it('adds an assessor relationship with its dates, refuses a missing practitioner, and ends it', async () => {
    const admin = await signedIn(ADMIN, DEMO_PASSWORD);
    const pages = new AdminPages(admin);
    await admin.goto(`${web.baseUrl}/admin/structure`);
    expect(await admin.title()).toBe('Teams and relationships – Pathways');
    await expectAccessible(admin, 'admin-structure');
    expect(await pages.tableRows('relationships')).toContainEqual([
      'Demo Newly Qualified Social Worker',
      'Demo ASYE Assessor',
      'ASYE assessor',
      expect.stringMatching(/^From .* no end set$/),
      'Current',
      expect.stringContaining('End'),
    ]);

    await follow(admin, admin.getByRole('button', { name: 'Add a relationship' }));
    await expectAccessible(admin, 'admin-new-relationship');
    await admin.getByLabel('Assessor, practice educator or supervisor').selectOption({
      label: 'Demo Practice Educator (educator@demo-council.example)',
    });
    await admin.getByLabel('Practice educator', { exact: true }).check();
    await follow(admin, admin.getByRole('button', { name: 'Add relationship' }));
    expect(await pages.errorSummaryLinks()).toEqual(['Choose the practitioner']);
    expect(await admin.getByLabel('Practice educator', { exact: true }).isChecked()).toBe(true);
    await expectAccessible(admin, 'admin-new-relationship-error');

    await admin.getByLabel('Practitioner', { exact: true }).selectOption({
      label: 'Demo Newly Qualified Social Worker (nqsw@demo-council.example)',
    });
    await pages.fillDate('Ends on (optional)', '2030-06-30');
    await follow(admin, admin.getByRole('button', { name: 'Add relationship' }));
    expect(await pages.flash()).toContain('Relationship added');
    const row = (await pages.tableRows('relationships')).find(
      (r) => r[2] === 'Practice educator' && r[0].startsWith('Demo Newly'),
    );
    expect(row?.[3]).toMatch(/to 30 June 2030$/);

    await follow(
      admin,
      admin.getByRole('link', {
        name: 'End Demo Practice Educator as practice educator of Demo Newly Qualified Social Worker',
      }),
    );
    expect(await admin.title()).toBe('End a relationship – Pathways');
    await expectAccessible(admin, 'admin-end-relationship');
    await follow(admin, admin.getByRole('button', { name: 'End relationship' }));
    expect(await pages.flash()).toContain('Relationship ended');

    await admin.getByLabel('New team name').fill('Fostering');
    await follow(admin, admin.getByRole('button', { name: 'Create team' }));
    expect(await pages.flash()).toContain('Team Fostering created');
    expect(await pages.tableRows('Teams')).toContainEqual([
      'Fostering',
      '0',
      expect.stringMatching(/\d{4}$/),
    ]);
  }, 120_000);

  it('lets a PSW invite and change practice roles only, without ending memberships or creating teams', async () => {
    const psw = await signedIn('psw@demo-council.example', DEMO_PASSWORD);
    await follow(psw, psw.getByRole('link', { name: 'Administration' }));
    await follow(psw, psw.getByRole('button', { name: 'Invite someone' }));
    expect(
      await psw
        .getByRole('group', { name: 'Roles' })
        .getByRole('checkbox')
        .evaluateAll((boxes) => boxes.map((b) => (b as any).value)),
    ).toEqual(['PRACTITIONER', 'ASSESSOR', 'PRACTICE_EDUCATOR', 'SUPERVISOR']);
    await expectAccessible(psw, 'psw-invite');

    await new AdminPages(psw).openMembers(web.baseUrl);
    await follow(psw, psw.getByRole('link', { name: 'Demo Practice Educator' }));
    expect(await psw.getByRole('button', { name: 'End membership' }).count()).toBe(0);
    expect(await psw.getByLabel(/^Team /).count()).toBe(0);
    await psw.getByLabel('Supervisor', { exact: true }).check();
    await follow(psw, psw.getByRole('button', { name: 'Save roles' }));
    expect(await new AdminPages(psw).flash()).toContain('Roles changed');
    expect(await psw.locator('.govuk-summary-list').innerText()).toContain(
      'Practitioner, Practice educator, Supervisor',
    );
    await expectAccessible(psw, 'psw-member');

    await psw.goto(`${web.baseUrl}/admin/structure`);
    expect(await psw.getByRole('button', { name: 'Create team' }).count()).toBe(0);
    expect(await psw.getByRole('button', { name: 'Add a relationship' }).count()).toBe(1);
  }, 90_000);

  it('shows Administration to no one else, and its pages as not found', async () => {
    const practitioner = await signedIn('nqsw@demo-council.example', DEMO_PASSWORD);
    expect(await practitioner.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    const response = await practitioner.goto(`${web.baseUrl}/admin/members`);
    expect(response?.status()).toBe(404);
  }, 90_000);

  it('fits the members page into 320 px without scrolling sideways', async () => {
    const admin = await signedIn(ADMIN, DEMO_PASSWORD, { width: 320 });
    await new AdminPages(admin).openMembers(web.baseUrl);
    const overflow = await admin.evaluate(
      () => (globalThis as any).document.documentElement.scrollWidth > (globalThis as any).innerWidth,
    );
    expect(overflow).toBe(false);
    await expectAccessible(admin, 'admin-members-320px');
  }, 90_000);
});
