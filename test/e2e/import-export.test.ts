import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/server/jobs/job-handlers.js';
import { JobRunner } from '../../src/server/jobs/job-runner.js';
import { expectAccessible, launchBrowser, openSignedIn, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

/** Clicks a link that downloads a file and returns the file's text. */
async function downloadText(page: Page, link: ReturnType<Page['getByRole']>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

/** Picks an option in a Mantine select named `name`. */
async function pick(page: Page, name: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const CSV = [
  'Full name,Mobile,E-mail,Segment,Zorb',
  'Wanda Wizardimport,+1 202 555 0141,wanda@example.com,Gold,Zorbco',
  'Xavi Wizardimport,(202) 555-0142,xavi@example.com,Silver,Zorbco',
  'Yara Wizardimport,12,yara@example.com,Gold,',
].join('\r\n');

describeEachDialect('web app: import and export', (dialect) => {
  let app: TestApp;
  let browser: Browser;
  let runner: JobRunner;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
    const { services } = app.runtime;
    runner = new JobRunner(services.uow.repos.jobs, createJobHandlers(services), { pollMs: 50 });
    services.jobs.notifyOnQueued(() => runner.wake());
    runner.start();
  });
  afterAll(async () => {
    await runner?.stop();
    await browser?.close();
    await app?.close();
  });

  it('imports a CSV through the wizard, shows the report and the contacts, then exports them as CSV', async () => {
    const page = await openSignedIn(browser, app, '/contacts');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import contacts' }).waitFor();
    await saveScreenshot(page, 'import-1-upload');

    await page.locator('input[type=file]').setInputFiles({
      name: 'customers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(CSV),
    });
    await page.getByRole('heading', { name: 'Check how the file was read' }).waitFor();
    await page.getByRole('cell', { name: 'Wanda Wizardimport' }).waitFor();
    expect(await page.getByText('Comma (,)').count()).toBe(1);
    await saveScreenshot(page, 'import-2-preview');

    await page.getByRole('button', { name: 'Next: map columns' }).click();
    expect(await page.getByRole('combobox', { name: 'Import “Mobile” as' }).inputValue()).toBe('Phone');
    await pick(page, 'Import “Zorb” as', 'Phone');
    await page.getByText('Phone is already filled from “Mobile”').waitFor();
    expect(await page.getByRole('button', { name: 'Next: options' }).isDisabled()).toBe(true);
    await pick(page, 'Import “Zorb” as', 'Company');
    expect(await page.getByRole('combobox', { name: 'Import “Segment” as' }).inputValue()).toBe('Tags');
    await saveScreenshot(page, 'import-3-mapping');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Next: options' }).click();
    await page.getByRole('radio', { name: /Fill empty fields only/ }).waitFor();
    expect(await page.getByRole('radio', { name: /Fill empty fields only/ }).isChecked()).toBe(true);
    await saveScreenshot(page, 'import-4-options');

    await page.getByRole('button', { name: 'Next: dry run' }).click();
    await page.getByRole('status').filter({ hasText: 'Checked 3 rows' }).waitFor();
    const wouldDo = page.getByRole('group', { name: 'What the import would do' });
    expect(await wouldDo.innerText()).toMatch(/Would create\s+2[\s\S]*Invalid\s+1/);
    const invalid = page.getByRole('row').filter({ hasText: 'Invalid' });
    expect(await invalid.getByRole('cell').allTextContents()).toEqual([
      'Invalid',
      expect.any(String),
      '1',
      '3',
    ]);
    await saveScreenshot(page, 'import-5-dry-run');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Import 2 rows' }).click();
    await page.getByRole('status').filter({ hasText: 'Import finished' }).waitFor();
    const results = await page.getByRole('group', { name: 'Import results' }).innerText();
    expect(results).toMatch(/Created\s+2[\s\S]*Updated\s+0[\s\S]*Skipped\s+0[\s\S]*Failed\s+1/);
    await saveScreenshot(page, 'import-6-report');
    await expectAccessible(page);
    const errors = await downloadText(page, page.getByRole('link', { name: 'Download errors (CSV)' }));
    expect(errors).toContain('Yara Wizardimport');
    expect(errors.split(/\r?\n/)[0]).toContain('Full name');

    await page.getByRole('link', { name: 'View contacts' }).click();
    await page.getByLabel('Search contacts').fill('Wizardimport');
    await page.waitForURL(/q=Wizardimport/);
    const wanda = page.getByRole('row', { name: /Wanda Wizardimport/ });
    await wanda.getByRole('gridcell', { name: '+1 202 555 0141' }).waitFor();
    await wanda.getByText('Gold').waitFor();
    await page
      .getByRole('row', { name: /Xavi Wizardimport/ })
      .getByText('Zorbco')
      .waitFor();
    expect(await page.getByRole('row', { name: /Yara Wizardimport/ }).count()).toBe(0);

    await page.getByRole('button', { name: /^More/ }).click();
    await page.getByRole('menuitem', { name: 'Export all 2 contacts matching “Wizardimport”…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export contacts' });
    await dialog.getByRole('checkbox', { name: 'Tags' }).waitFor();
    expect(await dialog.getByRole('checkbox', { name: 'Company' }).isChecked()).toBe(true);
    await saveScreenshot(page, 'export-1-dialog');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await dialog.getByText('Your file is ready').waitFor();
    await saveScreenshot(page, 'export-2-ready');
    const exported = await downloadText(page, dialog.getByRole('link', { name: 'Download CSV file' }));
    const lines = exported.trim().split(/\r?\n/);
    expect(lines[0]?.split(',').slice(0, 4)).toEqual(['Name', 'First name', 'Last name', 'Phone']);
    expect(lines).toHaveLength(3);
    expect(exported).toContain('Wanda Wizardimport');
    expect(exported).toContain('+12025550142');
    expect(exported).toContain('Zorbco');
    expect(exported).toContain('Gold');

    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await page.getByRole('button', { name: /^More/ }).click();
    await page.getByRole('menuitem', { name: 'Import history' }).click();
    const history = page.getByRole('row', { name: /customers\.csv/ });
    await history.getByText('2 created · 0 updated · 0 skipped · 1 failed').waitFor();
    await saveScreenshot(page, 'import-7-history');
    await expectAccessible(page);
    await page.context().close();
  });
});
