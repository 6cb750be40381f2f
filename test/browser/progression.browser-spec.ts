import type { Browser, BrowserContext } from 'playwright-core';
import {
  CREATE_EVIDENCE,
  PCF_DOMAINS,
  pcf,
  REVIEW_EVIDENCE,
  SUBMIT_EVIDENCE,
} from '../e2e/support/portfolio-operations.js';
import { axeViolations, launchChromium, screenshot } from './support/browser.js';
import { signInToApi, type ApiSession } from './support/api.js';
import { startWebApp } from './support/web-app.js';
import { ProgressionPages } from './pages/progressionPages.js';

const PSW = 'psw@demo-council.example';
const NQSW = 'nqsw@demo-council.example';
const NQSW_NAME = 'Demo Newly Qualified Social Worker';
const STUDENT_NAME = 'Demo Social Work Student';
const today = () => new Date().toISOString().slice(0, 10);

describe('progression in a real browser: eligibility, applications and decisions', () => {
  let web: Awaited<ReturnType<typeof startWebApp>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function pagesFor(
    email: string,
    options: { javaScriptEnabled?: boolean } = {},
  ): Promise<ProgressionPages> {
    const context = await browser.newContext(options);
    contexts.push(context);
    // A missing link or button fails in seconds rather than at the test's timeout.
    context.setDefaultTimeout(10_000);
    const pages = new ProgressionPages(await context.newPage(), web.baseUrl);
    await pages.signInAs(email);
    return pages;
  }

  /**
   * axe needs the page's JavaScript, so a page from a context without it is checked as the same HTML
   * written into a page that has it, on the same origin so that its styles load.
   */
  async function expectAccessible(
    pages: ProgressionPages,
    name: string,
    javaScriptOff = false,
  ): Promise<void> {
    expect(await pages.page.locator('h1').count()).toBe(1);
    let page = pages.page;
    if (javaScriptOff) {
      const context = await browser.newContext();
      contexts.push(context);
      page = await context.newPage();
      await page.goto(`${web.baseUrl}/accessibility`);
      await page.setContent(await pages.page.content(), { waitUntil: 'load' });
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, name);
  }

  beforeAll(async () => {
    web = await startWebApp();
    browser = await launchChromium();
  }, 90_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('takes the NQSW from a recorded ASYE to social worker: the PSW verifies it, the NQSW applies, the PSW approves', async () => {
    // The NQSW records their completed ASYE; until the PSW verifies it, the route does not count it.
    const nqswApi = await signInToApi(web.baseUrl, NQSW);
    await nqswApi.gql(
      'mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { id } }',
      { input: { type: 'ASYE_COMPLETED', title: 'ASYE (children and families)', awardedOn: today() } },
    );

    const nqsw = await pagesFor(NQSW);
    await nqsw.followNavigation('My progression');
    expect(await nqsw.page.title()).toBe('My progression – Pathways');
    expect(await nqsw.page.locator('#current-stage').innerText()).toBe(
      'Your stage now: Newly qualified social worker (ASYE).',
    );
    const route = nqsw.route('Social worker');
    expect(await route.innerText()).toContain('You need a verified completed ASYE.');
    expect(await route.getByRole('button', { name: /Apply/ }).count()).toBe(0);
    await expectAccessible(nqsw, 'progression-nqsw-not-yet');

    // The PSW sees the route in the report and verifies the qualification.
    const psw = await pagesFor(PSW);
    await psw.followNavigation('Progression');
    expect(await psw.page.title()).toBe('Progression – Pathways');
    const routes = psw.page.getByRole('table', { name: /Routes of the published pathway/ });
    const nqswRoute = routes.getByRole('row', {
      name: /^Newly qualified social worker \(ASYE\) to Social worker/,
    });
    expect((await nqswRoute.locator('td').allInnerTexts()).slice(0, 3)).toEqual([
      'Follows once met',
      '1',
      '0',
    ]);
    expect(await psw.page.getByRole('table', { name: /People holding each stage/ }).innerText()).toMatch(
      /Newly qualified social worker \(ASYE\)\s+1/,
    );
    await expectAccessible(psw, 'progression-psw-overview');

    await psw.follow(psw.page.getByRole('link', { name: 'Qualifications to verify' }));
    expect(await psw.page.title()).toBe('Qualifications to verify – Pathways');
    expect(
      await psw.page.getByRole('heading', { name: `${NQSW_NAME}: ASYE (children and families)` }).count(),
    ).toBe(1);
    await expectAccessible(psw, 'progression-psw-qualifications');
    await psw.follow(
      psw.page.getByRole('button', { name: `Verify ${NQSW_NAME}’s ASYE (children and families)` }),
    );
    expect(await psw.flash()).toBe('You verified ASYE (children and families).');
    expect(await psw.page.getByRole('heading', { name: new RegExp(NQSW_NAME) }).count()).toBe(0);
    await expectAccessible(psw, 'progression-psw-qualification-verified');

    // The NQSW is now eligible and applies with a statement.
    await nqsw.page.reload();
    expect(await route.innerText()).toContain(
      'You meet everything this route asks, so you can move to Social worker.',
    );
    await route
      .getByLabel(/Your supporting statement for Social worker/)
      .fill('My ASYE panel passed me in November.');
    await nqsw.follow(route.getByRole('button', { name: 'Apply for Social worker' }));
    expect(await nqsw.flash()).toBe(
      'Your application has been sent. You will hear when it has been decided.',
    );
    expect(await route.innerText()).toMatch(/You applied on \d+ \w+ 20\d\d\. It is waiting for a decision\./);
    expect(
      await nqsw.page
        .getByRole('table', { name: /Your applications/ })
        .getByRole('row')
        .nth(1)
        .innerText(),
    ).toMatch(
      /Newly qualified social worker \(ASYE\) to Social worker\s+\d+ \w+ 20\d\d\s+Waiting for a decision/,
    );
    await expectAccessible(nqsw, 'progression-nqsw-applied');

    // The PSW reads the statement and the eligibility it was made on, and approves.
    await psw.follow(psw.page.getByRole('link', { name: 'Applications' }));
    expect(await psw.page.title()).toBe('Applications – Pathways');
    await expectAccessible(psw, 'progression-psw-applications');
    await psw.follow(psw.page.getByRole('link', { name: new RegExp(`^${NQSW_NAME}`) }));
    expect(await psw.page.title()).toBe(`Application: ${NQSW_NAME} – Pathways`);
    expect(await psw.mainText()).toContain('My ASYE panel passed me in November.');
    const breakdown = psw.page.getByRole('table', { name: /on the day they applied/ });
    expect(await breakdown.getByRole('row', { name: /completed ASYE/i }).innerText()).toMatch(/Met/);
    await expectAccessible(psw, 'progression-psw-application');
    await psw.page.getByLabel('Approve').check();
    await psw.follow(psw.page.getByRole('button', { name: 'Save decision' }));
    expect(await psw.flash()).toBe(`You approved ${NQSW_NAME}’s application.`);
    const summary = await psw.mainText();
    expect(summary).toContain('Status Approved');
    expect(summary).toContain('Stage now Social worker');
    await expectAccessible(psw, 'progression-psw-approved');

    // The NQSW's stage has moved, and they can have a credential issued for the verified ASYE.
    await nqsw.page.reload();
    expect(await nqsw.page.locator('#current-stage').innerText()).toBe('Your stage now: Social worker.');
    expect(await nqsw.page.getByRole('table', { name: /Your applications/ }).innerText()).toContain(
      'Approved',
    );
    await expectAccessible(nqsw, 'progression-nqsw-social-worker');

    await nqsw.follow(nqsw.page.getByRole('link', { name: 'See your credentials' }));
    expect(await nqsw.page.title()).toBe('My credentials – Pathways');
    await expectAccessible(nqsw, 'progression-credentials-none');
    await nqsw.follow(
      nqsw.page.getByRole('button', { name: 'Issue a credential for ASYE (children and families)' }),
    );
    expect(await nqsw.flash()).toMatch(
      /^Your credential has been issued\. Its verification code is [A-Z0-9-]+\.$/,
    );
    const credentials = nqsw.page.getByRole('table', { name: /Credentials issued about you/ });
    expect(await credentials.innerText()).toMatch(
      /Verified qualification: ASYE \(children and families\)\s+\d+ \w+ 20\d\d\s+Valid/,
    );
    expect(await credentials.getByRole('link', { name: 'Check it' }).getAttribute('href')).toMatch(/verify/);
    await expectAccessible(nqsw, 'progression-credentials-issued');
  }, 180_000);

  /** The student's placement evidence across the nine domains, signed off by their practice educator. */
  async function makeTheStudentEligibleToQualify(): Promise<void> {
    const [student, educator] = (await Promise.all(
      ['student', 'educator'].map((who) => signInToApi(web.baseUrl, `${who}@demo-council.example`)),
    )) as [ApiSession, ApiSession];
    const { createEvidence: piece } = await student.gql(CREATE_EVIDENCE, {
      input: {
        kind: 'WRITTEN_REPORT',
        title: 'Final placement portfolio summary',
        dateFrom: today(),
        description: 'What my last placement asked of me.',
        learning: 'Holding a case from start to finish.',
        impact: 'The family had one worker throughout.',
        mappings: PCF_DOMAINS.map((d) => pcf(d, 'END_LAST_PLACEMENT')),
      },
    });
    const { submitEvidence: sent } = await student.gql(SUBMIT_EVIDENCE, {
      input: {
        evidenceId: piece.evidenceId,
        reviewerUserId: educator.userId,
        assessmentContext: 'FINAL_PLACEMENT',
      },
    });
    await educator.gql(REVIEW_EVIDENCE, {
      input: {
        evidenceVersionId: sent.id,
        expectedRevision: sent.revision,
        outcome: 'APPROVE',
        mappingDecisions: sent.mappings.map((m: { id: string }) => ({
          mappingId: m.id,
          decision: 'ACCEPTED',
        })),
      },
    });
  }

  it('with JavaScript off, the PSW puts the student forward and must give reasons, without identifiers, to decline', async () => {
    await makeTheStudentEligibleToQualify();
    const psw = await pagesFor(PSW, { javaScriptEnabled: false });
    await psw.open('/progression');
    await psw.follow(
      psw.page.getByRole('link', { name: /^Student to Newly qualified social worker \(ASYE\)/ }),
    );
    expect(await psw.page.title()).toBe(
      'Candidates: Student to Newly qualified social worker (ASYE) – Pathways',
    );
    expect(await psw.mainText()).toContain('1 eligible now');
    const candidate = psw.page.locator('li.app-candidate', { hasText: STUDENT_NAME });
    expect(await candidate.innerText()).toContain('Eligible now');
    await expectAccessible(psw, 'progression-psw-candidates', true);

    await psw.follow(candidate.getByRole('button', { name: `Put forward ${STUDENT_NAME}` }));
    expect(await psw.page.title()).toBe(`Application: ${STUDENT_NAME} – Pathways`);
    expect(await psw.flash()).toBe('You put them forward. Their application is waiting for a decision.');
    expect(await psw.mainText()).toContain(`Made by Demo Principal Social Worker (put forward)`);

    // Nothing chosen: the summary links to the radios.
    await psw.follow(psw.page.getByRole('button', { name: 'Save decision' }));
    expect(await psw.page.title()).toBe(`Error: Application: ${STUDENT_NAME} – Pathways`);
    const problem = psw.page.locator('.govuk-error-summary');
    expect(await problem.getByRole('link').allInnerTexts()).toEqual([
      'Select whether to approve, defer or decline the application',
    ]);
    expect(await problem.getByRole('link').getAttribute('href')).toBe('#decision');
    await expectAccessible(psw, 'progression-psw-decision-error', true);

    // Declining asks for reasons; the API's refusal comes back against the reasons field, choice kept.
    await psw.page.getByLabel('Decline').check();
    await psw.follow(psw.page.getByRole('button', { name: 'Save decision' }));
    expect(await problem.getByRole('link').getAttribute('href')).toBe('#reasons');
    expect(await psw.page.getByLabel('Decline').isChecked()).toBe(true);
    await expectAccessible(psw, 'progression-psw-reasons-error', true);

    // Reasons that look as if they identify someone: typed text kept, a confirmation offered.
    const reasons = 'Please finish the placement at the office in SW1A 1AA first.';
    await psw.page.getByRole('textbox', { name: 'Reasons' }).fill(reasons);
    await psw.follow(psw.page.getByRole('button', { name: 'Save decision' }));
    expect(await problem.getByRole('link').getAttribute('href')).toBe('#reasons');
    expect(await psw.page.getByRole('textbox', { name: 'Reasons' }).inputValue()).toBe(reasons);
    await expectAccessible(psw, 'progression-psw-identifiers', true);
    await psw.page.getByLabel(/nobody can be identified/).check();
    await psw.follow(psw.page.getByRole('button', { name: 'Save decision' }));
    expect(await psw.flash()).toBe(`You declined ${STUDENT_NAME}’s application.`);
    expect(await psw.mainText()).toContain(`Reasons ${reasons}`);
    await expectAccessible(psw, 'progression-psw-declined', true);
  }, 180_000);

  /** The NQSW's ASYE started two months ago, every review point held, and the assessor recommending a fail. */
  /** The assessor holds the three review points on the days given, then makes the final recommendation. */
  async function holdReviewPointsAndRecommend(
    assessor: ApiSession,
    programmeId: string,
    [threeMonth, sixMonth, final]: string[],
    recommendation: { outcome: 'PASS' | 'FAIL'; comment: string },
  ): Promise<void> {
    const asyeMutation = (name: string, input: string) =>
      `mutation ($input: ${input}!) { ${name}(input: $input) { id } }`;
    for (const [code, heldOn] of [
      ['THREE_MONTH', threeMonth],
      ['SIX_MONTH', sixMonth],
      ['FINAL', final],
    ])
      await assessor.gql(asyeMutation('recordAsyeReviewPoint', 'RecordAsyeReviewPointInput'), {
        input: { programmeId, code, heldOn, assessorComments: 'Discussed the year so far.' },
      });
    await assessor.gql(asyeMutation('recommendAsyeOutcome', 'RecommendAsyeOutcomeInput'), {
      input: { programmeId, ...recommendation },
    });
  }

  async function giveTheNqswAnAsyeWithARecommendation(): Promise<void> {
    const [psw, nqsw, assessor, supervisor] = (await Promise.all(
      ['psw', 'nqsw', 'assessor', 'supervisor'].map((who) =>
        signInToApi(web.baseUrl, `${who}@demo-council.example`),
      ),
    )) as ApiSession[];
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const { startAsye } = await psw!.gql(
      'mutation ($input: StartAsyeInput!) { startAsye(input: $input) { id } }',
      {
        input: {
          practitionerId: nqsw!.userId,
          assessorId: assessor!.userId,
          lineManagerId: supervisor!.userId,
          startDate: daysAgo(60),
        },
      },
    );
    await holdReviewPointsAndRecommend(assessor!, startAsye.id, [daysAgo(40), daysAgo(20), daysAgo(0)], {
      outcome: 'FAIL',
      comment: 'The evidence does not yet show the PCF ASYE level.',
    });
  }

  it('shows the PSW the ASYE cohort and lets them confirm a recommended outcome, on a narrow screen too', async () => {
    await giveTheNqswAnAsyeWithARecommendation();
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    contexts.push(context);
    const psw = new ProgressionPages(await context.newPage(), web.baseUrl);
    await psw.signInAs(PSW);
    await psw.open('/progression');
    expect(await psw.hasHorizontalScroll()).toBe(false);

    await psw.follow(psw.page.getByRole('link', { name: 'ASYE cohort' }));
    expect(await psw.page.title()).toBe('ASYE cohort – Pathways');
    const row = psw.page.getByRole('row', { name: new RegExp(NQSW_NAME) });
    expect(await row.innerText()).toMatch(/Demo ASYE Assessor\s+Awaiting confirmation\s+Fail/);
    expect(await psw.hasHorizontalScroll()).toBe(false);
    await expectAccessible(psw, 'progression-psw-asye-cohort');

    await psw.follow(row.getByRole('link', { name: 'Confirm the outcome' }));
    expect(await psw.page.title()).toBe(`Confirm the ASYE outcome: ${NQSW_NAME} – Pathways`);
    await expectAccessible(psw, 'progression-psw-confirm-asye');
    await psw.page.getByRole('textbox', { name: 'Comment (optional)' }).fill('The panel agreed.');
    await psw.follow(psw.page.getByRole('button', { name: 'Confirm fail' }));
    expect(await psw.flash()).toBe('You confirmed the ASYE outcome.');
    expect(await row.innerText()).toMatch(/Fail, confirmed on \d+ \w+ 20\d\d/);
    await expectAccessible(psw, 'progression-psw-asye-confirmed');
  }, 120_000);

  /**
   * An ASYE a year and more old with every review point and all the evidence a pass needs, the
   * assessor recommending a pass. The demo NQSW qualified this year, so the demo supervisor (qualified
   * long ago) stands in as the NQSW; the demo practice educator is given the ASSESSOR role to be
   * the second assessor.
   */
  async function giveASecondAsyeAPassRecommendation(): Promise<void> {
    const [admin, psw, subject, assessor, educator] = (await Promise.all(
      ['admin', 'psw', 'supervisor', 'assessor', 'educator'].map((who) =>
        signInToApi(web.baseUrl, `${who}@demo-council.example`),
      ),
    )) as ApiSession[];
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const start = new Date(Date.now() - 400 * 86_400_000);
    const monthsOn = (months: number) =>
      day(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate())));
    await admin!.gql(
      'mutation ($input: UpdateMemberRolesInput!) { updateMemberRoles(input: $input) { userId } }',
      { input: { userId: educator!.userId, roles: ['PRACTICE_EDUCATOR', 'PRACTITIONER', 'ASSESSOR'] } },
    );
    await admin!.gql(
      'mutation ($input: CreateAssessorRelationshipInput!) { createAssessorRelationship(input: $input) { id } }',
      {
        input: {
          assessorUserId: assessor!.userId,
          practitionerUserId: subject!.userId,
          capacity: 'ASYE_ASSESSOR',
          startsOn: today(),
        },
      },
    );
    const { startAsye } = await psw!.gql(
      'mutation ($input: StartAsyeInput!) { startAsye(input: $input) { id } }',
      {
        input: {
          practitionerId: subject!.userId,
          assessorId: assessor!.userId,
          lineManagerId: psw!.userId,
          startDate: day(start),
        },
      },
    );
    const pieces = [
      ...['DIRECT_OBSERVATION', 'SERVICE_USER_FEEDBACK', 'PROFESSIONAL_FEEDBACK', 'WRITTEN_REPORT'].flatMap(
        (kind) => [1, 2, 3].map(() => ({ kind, dateFrom: monthsOn(4) })),
      ),
      { kind: 'CRITICAL_REFLECTION', dateFrom: monthsOn(6) },
      { kind: 'CRITICAL_REFLECTION', dateFrom: monthsOn(12) },
    ];
    for (const [i, piece] of pieces.entries()) {
      const { createEvidence } = await subject!.gql(CREATE_EVIDENCE, {
        input: {
          ...piece,
          title: `Year evidence ${i + 1}`,
          description: 'What happened.',
          learning: 'What I learnt.',
          impact: 'What changed.',
          mappings: [pcf('PROFESSIONALISM')],
        },
      });
      const { submitEvidence: sent } = await subject!.gql(SUBMIT_EVIDENCE, {
        input: {
          evidenceId: createEvidence.evidenceId,
          reviewerUserId: assessor!.userId,
          assessmentContext: 'ASYE',
        },
      });
      await assessor!.gql(REVIEW_EVIDENCE, {
        input: {
          evidenceVersionId: sent.id,
          expectedRevision: sent.revision,
          outcome: 'APPROVE',
          mappingDecisions: sent.mappings.map((m: { id: string }) => ({
            mappingId: m.id,
            decision: 'ACCEPTED',
          })),
        },
      });
    }
    await holdReviewPointsAndRecommend(assessor!, startAsye.id, [monthsOn(3), monthsOn(6), monthsOn(12)], {
      outcome: 'PASS',
      comment: 'The year’s evidence shows the PCF ASYE level.',
    });
  }

  it('lets the PSW ask for a second opinion, the second assessor give it, and the PSW reconcile the two, without JavaScript', async () => {
    await giveASecondAsyeAPassRecommendation();
    const SUBJECT = 'Demo Supervisor';
    const SECOND = 'Demo Practice Educator';
    const psw = await pagesFor(PSW, { javaScriptEnabled: false });
    const problem = psw.page.locator('.govuk-error-summary');
    await psw.open('/progression/asye-cohort');
    const row = psw.page.getByRole('row', { name: new RegExp(SUBJECT) });
    expect(await row.innerText()).toMatch(/Demo ASYE Assessor\s+Awaiting confirmation\s+Pass\s+None/);

    // Asking: choosing nobody is named on the form; then the educator, now an assessor, is asked.
    await psw.follow(row.getByRole('link', { name: 'Confirm the outcome' }));
    const ask = psw.page.getByRole('button', { name: 'Ask for a second opinion' });
    await psw.follow(ask);
    expect(await problem.getByRole('link').innerText()).toBe('Choose who to ask for a second opinion');
    expect(await problem.getByRole('link').getAttribute('href')).toBe('#secondAssessorId');
    await expectAccessible(psw, 'asye-second-opinion-ask-error', true);
    await psw.page.getByLabel('Second assessor').selectOption({ label: SECOND });
    await psw.follow(ask);
    expect(await psw.flash()).toBe(
      'You asked for a second opinion. The outcome can be confirmed once it is in.',
    );
    expect(await row.innerText()).toMatch(
      new RegExp(`Pass\\s+Asked of ${SECOND}\\s+Waiting for the second opinion`),
    );
    await psw.follow(row.getByRole('link', { name: 'Waiting for the second opinion' }));
    expect(await psw.mainText()).toContain(`You asked ${SECOND} for a second opinion on`);
    expect(
      await psw.page
        .getByRole('button')
        .filter({ hasText: /^Confirm/ })
        .count(),
    ).toBe(0);
    await expectAccessible(psw, 'asye-second-opinion-awaited', true);

    // The second assessor finds it under Second opinions and gives their own judgement: a fail.
    const second = await pagesFor('educator@demo-council.example', { javaScriptEnabled: false });
    await second.follow(
      second.page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Second opinions' }),
    );
    expect(await second.page.title()).toBe('Second opinions – Pathways');
    await second.follow(
      second.page.getByRole('link', { name: `Give your second opinion on ${SUBJECT}’s ASYE` }),
    );
    expect(await second.mainText()).toContain('The year’s evidence shows the PCF ASYE level.');
    await expectAccessible(second, 'asye-second-opinion-form', true);
    const record = second.page.getByRole('button', { name: 'Record your second opinion' });
    await second.page.getByRole('textbox', { name: 'Your reasons' }).fill('Two observations fall short.');
    await second.follow(record);
    const secondProblem = second.page.locator('.govuk-error-summary');
    expect(await secondProblem.getByRole('link').getAttribute('href')).toBe('#outcome');
    expect(await second.page.getByRole('textbox', { name: 'Your reasons' }).inputValue()).toBe(
      'Two observations fall short.',
    );
    await second.page.getByLabel('Fail').check();
    await second.follow(record);
    expect(await second.flash()).toBe(
      'You recorded your second opinion. It is kept beside the assessor’s recommendation.',
    );
    expect(await second.page.getByRole('row', { name: new RegExp(SUBJECT) }).innerText()).toMatch(
      /Pass\s+\d+ \w+ 20\d\d\s+Fail, given on \d+ \w+ 20\d\d/,
    );
    await expectAccessible(second, 'asye-second-opinions', true);

    // The two differ: confirming is reconciling, with both judgements side by side.
    await psw.open('/progression/asye-cohort');
    expect(await row.innerText()).toMatch(/Pass\s+Fail\s+Reconcile the two judgements/);
    await psw.follow(row.getByRole('link', { name: 'Reconcile the two judgements' }));
    expect(await psw.page.title()).toBe(`Reconcile the ASYE judgements: ${SUBJECT} – Pathways`);
    const text = await psw.mainText();
    expect(text).toMatch(/Assessor’s recommendation Outcome Pass Assessor Demo ASYE Assessor/);
    expect(text).toMatch(new RegExp(`Second opinion Outcome Fail Second assessor ${SECOND}`));
    expect(text).toContain('Two observations fall short.');
    await expectAccessible(psw, 'asye-reconcile', true);
    const confirm = psw.page.getByRole('button', { name: 'Confirm the outcome chosen' });
    const reason = psw.page.getByRole('textbox', { name: 'Reason' });
    await reason.fill('The panel read both; the observations were re-run and met the level.');
    await psw.follow(confirm);
    expect(await problem.getByRole('link').getAttribute('href')).toBe('#outcome');
    await psw.page.getByLabel('Pass').check();
    await reason.fill('   ');
    await psw.follow(confirm);
    expect(await problem.getByRole('link').getAttribute('href')).toBe('#comment');
    expect(await psw.page.getByLabel('Pass').isChecked()).toBe(true);
    await expectAccessible(psw, 'asye-reconcile-error', true);
    await reason.fill('The panel read both; the observations were re-run and met the level.');
    await psw.follow(confirm);
    expect(await psw.flash()).toBe('You confirmed the ASYE outcome, choosing between the two judgements.');

    // The person in the ASYE reads all three judgements on their own page.
    const subject = await pagesFor('supervisor@demo-council.example', { javaScriptEnabled: false });
    await subject.open('/asye');
    const own = await subject.mainText();
    expect(own).toMatch(/Your assessor recommended a pass on \d+ \w+ 20\d\d\./);
    expect(own).toMatch(
      new RegExp(`${SECOND} was asked for a second opinion and judged it a fail on \\d+ \\w+ 20\\d\\d\\.`),
    );
    expect(own).toMatch(
      /The outcome, a pass, was confirmed on \d+ \w+ 20\d\d, choosing between the two judgements\./,
    );
    await expectAccessible(subject, 'asye-own-reconciled', true);
    expect(await row.innerText()).toMatch(
      /Passed\s+Pass\s+Fail\s+Pass, confirmed on \d+ \w+ 20\d\d \(reconciled\)/,
    );
  }, 180_000);

  it('shows nobody but a PSW the PSW’s pages', async () => {
    const nqsw = await pagesFor(NQSW);
    expect(await nqsw.page.getByRole('link', { name: 'Progression', exact: true }).count()).toBe(0);
    await nqsw.open('/progression/applications');
    expect(await nqsw.page.title()).toMatch(/not found/i);
    await expectAccessible(nqsw, 'progression-not-found');
  }, 60_000);
});
