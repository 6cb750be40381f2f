import type { Locator, Page } from 'playwright-core';

/**
 * Clicks something that loads a new page (a form's button, a link) and waits until that page has
 * loaded: waiting for a URL alone can return at once when the new page has the same address.
 */
export async function clickAndWaitForPage(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await target.click();
  await navigated;
  await page.waitForLoadState('load');
}
