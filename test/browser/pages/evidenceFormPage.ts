import type { Locator, Page } from 'playwright-core';

export interface EvidenceDetails {
  kind?: string;
  cpdActivityType?: string;
  title?: string;
  /** The day it happened, as the three boxes take it. */
  date?: { day: string; month: string; year: string };
  hours?: string;
  description?: string;
  learning?: string;
  impact?: string;
  peerReflection?: string;
  peerRole?: string;
}

export interface MappingDetails {
  /** The framework item's name, as the picker shows it (e.g. "Knowledge"). */
  item: string;
  /** The level's name (e.g. "Assessed and Supported Year in Employment (NQSW)"). */
  level?: string;
  rationale?: string;
}

/** The form that records or edits a piece of evidence, as a practitioner fills it in. */
export class EvidenceFormPage {
  constructor(private readonly page: Page) {}

  async openNew(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/evidence/new`);
  }

  async fill(details: EvidenceDetails): Promise<void> {
    const p = this.page;
    if (details.kind) await p.getByRole('radio', { name: details.kind, exact: true }).check();
    if (details.cpdActivityType)
      await p.getByLabel('Type of CPD activity').selectOption({ label: details.cpdActivityType });
    if (details.title !== undefined) await p.getByLabel('Title', { exact: true }).fill(details.title);
    if (details.date) {
      const date = p.getByRole('group', { name: 'Date', exact: true });
      await date.getByLabel('Day').fill(details.date.day);
      await date.getByLabel('Month').fill(details.date.month);
      await date.getByLabel('Year').fill(details.date.year);
    }
    if (details.hours !== undefined) await p.getByLabel('Hours (optional)').fill(details.hours);
    if (details.description !== undefined) await p.getByLabel('Description').fill(details.description);
    if (details.learning !== undefined) await p.getByLabel('What you learnt').fill(details.learning);
    if (details.impact !== undefined) await p.getByLabel('Impact', { exact: true }).fill(details.impact);
    if (details.peerReflection !== undefined)
      await p.getByLabel('Peer reflection', { exact: true }).fill(details.peerReflection);
    if (details.peerRole !== undefined) await p.getByLabel('Their role').fill(details.peerRole);
  }

  private mappingRow(index: number): Locator {
    return this.page.getByRole('group', { name: `Mapping ${index + 1}`, exact: true });
  }

  /** Fills mapping row `index` (from 0), picking the item and level by their names. */
  async map(index: number, mapping: MappingDetails): Promise<void> {
    const row = this.mappingRow(index);
    await row.getByLabel('Framework item').selectOption({ label: mapping.item });
    if (mapping.level) await row.getByLabel(/^Level/).selectOption({ label: mapping.level });
    if (mapping.rationale !== undefined)
      await row.getByLabel('Why this evidence shows it').fill(mapping.rationale);
  }

  async mappingItem(index: number): Promise<string> {
    return (
      (await this.mappingRow(index).getByLabel('Framework item').locator('option:checked').textContent()) ??
      ''
    );
  }

  mappingRowCount(): Promise<number> {
    return this.page.locator('fieldset.app-mapping').count();
  }

  /** Adds a mapping row: a submit button, so it works without JavaScript too. */
  async addMapping(): Promise<void> {
    const rows = await this.mappingRowCount();
    await this.page.getByRole('button', { name: 'Add another mapping' }).click();
    await this.mappingRow(rows).waitFor();
  }

  async save(): Promise<void> {
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('button', { name: 'Save draft' }).click(),
    ]);
    await this.page.waitForLoadState('load');
  }

  /** The identifier warning shown on a field (by its id, e.g. "learning"), or null when there is none. */
  async identifierWarning(fieldId: string): Promise<string | null> {
    const notice = this.page.locator(`#${fieldId}-identifiers .govuk-warning-text__text`);
    return (await notice.count()) ? ((await notice.textContent()) ?? '').replace(/\s+/g, ' ').trim() : null;
  }

  /** Whether the field names the warning in its description, so a screen reader hears it with the field. */
  async fieldIsDescribedByWarning(fieldId: string): Promise<boolean> {
    const describedBy = (await this.page.locator(`#${fieldId}`).getAttribute('aria-describedby')) ?? '';
    return describedBy.split(' ').includes(`${fieldId}-identifiers`);
  }

  async confirmNoIdentifiers(fieldId: string): Promise<void> {
    await this.page
      .locator(`#${fieldId}-identifiers`)
      .getByLabel('I have checked: this contains no identifying details')
      .check();
  }

  errorSummaryLinks(): Promise<string[]> {
    return this.page
      .locator('.govuk-error-summary a')
      .allTextContents()
      .then((t) => t.map((s) => s.trim()));
  }

  value(label: string): Promise<string> {
    return this.page.getByLabel(label, { exact: true }).inputValue();
  }
}
