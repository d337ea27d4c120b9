import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createJobHandlers } from '../../src/server/jobs/job-handlers.js';
import { JobRunner } from '../../src/server/jobs/job-runner.js';
import { expectAccessible, launchBrowser, openSignedIn, saveScreenshot } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { describeEachDialect } from '../support/test-database.js';

/** Creates contacts through the API. */
async function seed(app: TestApp, contacts: Record<string, unknown>[]): Promise<void> {
  for (const body of contacts) {
    const response = await app.request('POST', '/api/v1/contacts', { body });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
}

/** The count shown next to the list's title. */
const listCount = (page: Page) => page.getByText(/matching$|^\d[\d,]* contacts?$/).first();

/** Switches the app to the dark theme and back to light once the screenshot is taken. */
async function screenshotBothThemes(page: Page, name: string): Promise<void> {
  const settle = async () => {
    await page.mouse.move(640, 790);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitForTimeout(400); // tooltips fade out
  };
  await settle();
  await saveScreenshot(page, `${name}-light`);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await settle();
  await saveScreenshot(page, `${name}-dark`);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
}

/** Gives a segment four weeks of past daily snapshots, as the daily schedule would have taken them, ending at `today`. */
async function seedHistory(app: TestApp, segmentId: string, today: number): Promise<void> {
  const { segments } = app.runtime.services.uow.repos;
  let size = today;
  for (let daysAgo = 1; daysAgo <= 28; daysAgo++) {
    const day = new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const entered = (daysAgo * 7) % 5;
    const left = (daysAgo * 3) % 4;
    size = Math.max(0, size + left - entered + (daysAgo % 3));
    await segments.saveSnapshot({
      workspace_id: app.workspaceId,
      segment_id: segmentId,
      day,
      size,
      entered,
      left,
      taken_at: `${day}T03:00:00.000Z`,
    });
  }
}

describeEachDialect('web app: advanced search, saved searches and segments', (dialect) => {
  let app: TestApp;
  let browser: Browser;
  let runner: JobRunner;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(dialect), launchBrowser()]);
    const { services } = app.runtime;
    runner = new JobRunner(services.uow.repos.jobs, createJobHandlers(services), { pollMs: 50 });
    services.jobs.notifyOnQueued(() => runner.wake());
    runner.start();
    const field = await app.request('POST', '/api/v1/custom-fields', {
      body: { key: 'ltv', label: 'Lifetime value', type: 'currency', options: { currency: 'USD' } },
    });
    expect(field.status).toBe(201);
    await seed(app, [
      {
        firstName: 'Ana',
        lastName: 'Searchly',
        address: { city: 'São Paulo' },
        tags: ['VIP'],
        custom: { ltv: 9000 },
      },
      {
        firstName: 'Bruno',
        lastName: 'Searchly',
        address: { city: 'São Paulo' },
        tags: ['VIP', 'Churned'],
        custom: { ltv: 7000 },
      },
      {
        firstName: 'Carla',
        lastName: 'Searchly',
        address: { city: 'Lima' },
        tags: ['VIP'],
        custom: { ltv: 100 },
      },
      { firstName: 'Dora', lastName: 'Searchly', address: { city: 'Lima' }, tags: [], custom: { ltv: 8000 } },
    ]);
  });
  afterAll(async () => {
    await runner?.stop();
    await browser?.close();
    await app?.close();
  });

  it('reads the text form typed in the search box: the list, the count and the address follow', async () => {
    const page = await openSignedIn(browser, app);
    await page.getByRole('grid', { name: 'Contacts' }).waitFor();
    const box = page.getByRole('searchbox', { name: 'Search contacts' });
    await box.fill('tag:VIP ltv>=5000 city:"São Paulo" -tag:Churned');
    await box.press('Enter');
    await page.getByRole('row', { name: /Ana Searchly/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Searchly/ }).count()).toBe(1);
    await expect.poll(() => listCount(page).textContent()).toBe('1 matching');
    const filter = JSON.parse(new URL(page.url()).searchParams.get('filter') ?? 'null');
    expect(filter.and).toHaveLength(4);

    // A reload keeps the filter, shown in the box in its text form; bare words stay a plain search.
    await page.reload();
    await page.getByRole('row', { name: /Ana Searchly/ }).waitFor();
    await expect(box.inputValue()).resolves.toBe('tag:VIP ltv>=5000 city:"São Paulo" -tag:Churned');
    await box.fill('searchly ltv<1000');
    await box.press('Enter');
    await page.getByRole('row', { name: /Carla Searchly/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Searchly/ }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('q')).toBe('searchly');

    // A mistake is named with its place, and the list keeps the last good search.
    await box.fill('tag:VIP nope:1');
    await box.press('Enter');
    await page
      .getByText('Unknown field "nope" (put text in quotes to search for it) (at character 9)')
      .waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('searchly');
    await page.context().close();
  });

  it('builds a nested filter with the builder, saves it as a segment and opens the segment page', async () => {
    const page = await openSignedIn(browser, app);
    await page.getByRole('grid', { name: 'Contacts' }).waitFor();
    await page.getByRole('button', { name: 'Filter' }).click();
    const panel = page.getByRole('region', { name: 'Advanced search' });
    await panel.getByRole('button', { name: '+ Condition' }).click();
    await panel.getByLabel('Value of condition 1').fill('VIP');
    await panel.getByLabel('Value of condition 1').press('Enter');
    await panel.getByRole('button', { name: '+ Group' }).click();
    const group = panel.getByRole('group', { name: 'Group 2' });
    await group.getByRole('button', { name: '+ Condition' }).click();
    await group.getByRole('combobox', { name: 'Field of condition 2.1' }).fill('City');
    await page.getByRole('option', { name: 'City', exact: true }).click();
    await group.getByLabel('Value of condition 2.1').fill('Lima');
    await group.getByRole('button', { name: '+ Condition' }).click();
    await group.getByRole('combobox', { name: 'Field of condition 2.2' }).fill('Lifetime');
    await page.getByRole('option', { name: 'Lifetime value' }).click();
    await group.getByRole('combobox', { name: 'Operator of condition 2.2' }).click();
    await page.getByRole('option', { name: 'is at least' }).click();
    await group.getByLabel('Value of condition 2.2').fill('8000');
    await panel.getByTestId('filter-count').filter({ hasText: '2 contacts match' }).waitFor();
    await expectAccessible(page);
    await screenshotBothThemes(page, `search-builder-${dialect}`);
    await panel.getByRole('button', { name: 'Show 2 contacts' }).click();
    await page.getByRole('row', { name: /Carla Searchly/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Searchly/ }).count()).toBe(2);
    await expect(page.getByRole('searchbox', { name: 'Search contacts' }).inputValue()).resolves.toBe(
      'tag:VIP city:Lima OR ltv>=8000',
    );

    await page.getByRole('button', { name: 'Saved' }).click();
    await page.getByRole('menuitem', { name: 'Save filter as segment…' }).click();
    await page.getByRole('dialog').getByLabel('Segment name').fill('VIP Lima or big');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.getByRole('heading', { name: 'VIP Lima or big' }).waitFor();
    await page.getByTestId('segment-count').filter({ hasText: '2 contacts now' }).waitFor();
    await seedHistory(app, new URL(page.url()).pathname.split('/').pop()!, 2);
    await page.getByRole('button', { name: 'Run snapshot now' }).click();
    // The chart shows the history and, once the snapshot job is done, today's snapshot too.
    await expect
      .poll(() => page.getByRole('table', { name: 'Segment activity per day' }).getByRole('row').count())
      .toBe(30);
    await page.getByRole('button', { name: 'Run snapshot now' }).and(page.locator(':enabled')).waitFor();
    await page.getByRole('row', { name: /Ana Searchly/ }).waitFor();
    await expectAccessible(page);
    await screenshotBothThemes(page, `segment-page-${dialect}`);

    // Edit the filter on the contact list and save it back into the segment.
    await page.getByRole('button', { name: 'Actions for VIP Lima or big' }).click();
    await page.getByRole('menuitem', { name: 'Edit filter…' }).click();
    await page.getByRole('region', { name: 'Advanced search' }).waitFor();
    const box = page.getByRole('searchbox', { name: 'Search contacts' });
    await box.fill('tag:VIP');
    await box.press('Enter');
    await page.getByRole('row', { name: /Bruno Searchly/ }).waitFor();
    await page.getByRole('button', { name: 'Save filter to segment' }).click();
    await page.getByText('VIP Lima or big now uses this filter').waitFor();
    await page.getByRole('link', { name: 'Back to segment' }).click();
    await page.getByTestId('segment-count').filter({ hasText: '3 contacts now' }).waitFor();

    await page.getByRole('link', { name: '← Segments' }).click();
    await page.getByRole('link', { name: 'VIP Lima or big' }).waitFor();
    await screenshotBothThemes(page, `segments-${dialect}`);
    await page.context().close();
  });

  it('saves the current view as a pinned search, opens it from the sidebar, renames and deletes it', async () => {
    const page = await openSignedIn(
      browser,
      app,
      `/contacts?q=searchly&filter=${encodeURIComponent('{"field":"city","op":"eq","value":"Lima"}')}`,
    );
    await page.getByRole('row', { name: /Dora Searchly/ }).waitFor();
    await page.getByRole('button', { name: 'Saved' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Lima people');
    await page.getByRole('dialog').getByText('Everyone in the workspace').click();
    await page.getByRole('button', { name: 'Save search' }).click();
    const pinned = page.getByRole('navigation', { name: 'Pinned searches' });
    await pinned.getByRole('link', { name: 'Lima people' }).waitFor();
    await page.getByTestId('saved-search-bar').getByText('Shared').waitFor();

    await page.goto('/contacts');
    await page.getByRole('grid', { name: 'Contacts' }).waitFor();
    await pinned.getByRole('link', { name: 'Lima people' }).click();
    await page.getByRole('row', { name: /Carla Searchly/ }).waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Searchly/ }).count()).toBe(2);
    await expect(page.getByRole('searchbox', { name: 'Search contacts' }).inputValue()).resolves.toBe(
      'city:Lima searchly',
    );
    await expectAccessible(page);
    await screenshotBothThemes(page, `saved-search-${dialect}`);

    // Changing the view offers to update the saved search with it.
    const box = page.getByRole('searchbox', { name: 'Search contacts' });
    await box.fill('city:Lima searchly tag:VIP');
    await box.press('Enter');
    await page.getByRole('button', { name: 'Update with this view' }).click();
    await expect
      .poll(async () => (await app.request('GET', '/api/v1/saved-searches')).body.data[0]?.filter)
      .toEqual({
        and: [
          { field: 'city', op: 'eq', value: 'Lima' },
          { field: 'tags', op: 'has_any', value: ['VIP'] },
        ],
      });

    await page.getByRole('button', { name: 'Actions for Lima people' }).click();
    await page.getByRole('menuitem', { name: 'Rename…' }).click();
    await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill('Lima VIPs');
    await page.getByRole('button', { name: 'Rename' }).click();
    await pinned.getByRole('link', { name: 'Lima VIPs' }).waitFor();
    await page.getByRole('button', { name: 'Actions for Lima VIPs' }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await pinned.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
