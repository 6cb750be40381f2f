import type { Page } from 'playwright-core';
import { clickAndWaitForPage } from './navigation.js';

/** A reviewer's decision on one claimed mapping, as the form offers it. */
export type MappingChoice = { accept: true } | { otherLevel: string } | { notAccepted: true };

/** The review page (/reviews/:evidenceId/versions/:versionId): the version submitted and the decision form. */
export class ReviewPage {
  constructor(private readonly page: Page) {}

  async heading(): Promise<string> {
    return ((await this.page.locator('h1').textContent()) ?? '').trim();
  }

  /** The text of a section of the version shown: description, learning, impact or peer-reflection. */
  async section(id: 'description' | 'learning' | 'impact' | 'peer-reflection'): Promise<string> {
    return ((await this.page.locator(`#${id}`).textContent()) ?? '').trim();
  }

  /** A row of the version's summary ("Hours", "Date", "Kind"…). */
  async summary(key: string): Promise<string> {
    const row = this.page.locator('.govuk-summary-list__row', {
      has: this.page.locator('.govuk-summary-list__key', { hasText: key }),
    });
    return ((await row.first().locator('.govuk-summary-list__value').textContent()) ?? '').trim();
  }

  async attachmentLinks(): Promise<{ name: string; href: string }[]> {
    const links = this.page.locator('#attachments a');
    const result: { name: string; href: string }[] = [];
    for (let i = 0; i < (await links.count()); i++) {
      const link = links.nth(i);
      result.push({
        name: ((await link.textContent()) ?? '').trim(),
        href: (await link.getAttribute('href')) ?? '',
      });
    }
    return result;
  }

  /** Decides one mapping, named as the page names it ("Knowledge at Assessed and Supported Year…"). */
  async decide(mapping: string, choice: MappingChoice, comment?: string): Promise<void> {
    const group = this.page.getByRole('group', { name: mapping, exact: true });
    if ('accept' in choice) await group.getByRole('radio', { name: /^Accept(?! at another level)/ }).check();
    else if ('notAccepted' in choice) await group.getByRole('radio', { name: 'Do not accept' }).check();
    else {
      await group.getByRole('radio', { name: 'Accept at another level' }).check();
      const item = mapping.split(' at ')[0];
      await this.page
        .getByLabel(`Level you accept ${item} at`, { exact: true })
        .selectOption({ label: choice.otherLevel });
    }
    if (comment !== undefined)
      await this.page.getByLabel(`Comment on ${mapping} (optional)`, { exact: true }).fill(comment);
  }

  async comment(text: string): Promise<void> {
    await this.page.getByLabel('Comment to the practitioner (optional)').fill(text);
  }

  async commentValue(): Promise<string> {
    return this.page.getByLabel('Comment to the practitioner (optional)').inputValue();
  }

  async confirmNoIdentifyingDetails(): Promise<void> {
    await this.page.getByLabel('I confirm there are no identifying details in my comments').check();
  }

  async approve(): Promise<void> {
    await clickAndWaitForPage(this.page, this.page.getByRole('button', { name: 'Approve' }));
  }

  async requestChanges(): Promise<void> {
    await clickAndWaitForPage(this.page, this.page.getByRole('button', { name: 'Request changes' }));
  }

  errorSummaryLinks(): Promise<string[]> {
    return this.page.locator('.govuk-error-summary a').allTextContents();
  }

  /** The inline error message of a field by its id (e.g. "comment", "decisions-1-decision"). */
  async inlineError(fieldId: string): Promise<string> {
    const message = this.page.locator(`#${fieldId}-error`);
    return ((await message.count()) ? ((await message.textContent()) ?? '') : '').replace(/\s+/g, ' ').trim();
  }

  /** The plain message shown when the decision was not saved (someone decided first, or it changed). */
  async conflictMessage(): Promise<string> {
    const banner = this.page.locator('#conflict');
    return (await banner.count()) ? ((await banner.textContent()) ?? '').trim() : '';
  }

  /** The sentence saying the evidence is not waiting for this reviewer, with its status. */
  async currentState(): Promise<string> {
    const state = this.page.locator('#current-state');
    return (await state.count()) ? ((await state.textContent()) ?? '').trim() : '';
  }

  async canDecide(): Promise<boolean> {
    return (await this.page.getByRole('button', { name: 'Approve' }).count()) > 0;
  }

  /** The decision table of a decided version: claimed mapping, decision, accepted as, comment. */
  async mappingDecisions(): Promise<string[][]> {
    const rows = this.page.locator('#mapping-decisions tbody tr');
    const result: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++)
      result.push((await rows.nth(i).locator('td, th').allTextContents()).map((t) => t.trim()));
    return result;
  }
}
