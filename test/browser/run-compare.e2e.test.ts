import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditorApp } from '../../packages/editor/src/app-build/index.ts';
import { SPEC_WORKED_EXAMPLE, startEditorServer, type RunningEditorServer } from './editor-server.ts';

/**
 * The editor against the real server (`createServer`, memory store seeded with the examples as
 * `pnpm start` does): Run, Compare, code lenses, save, the command palette, the URL state and the
 * language service, in Debian's chromium. Every number checked here comes from the real replay engine.
 */
const CHROMIUM = process.env.A6_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
// Its own build directory: editor.e2e.test.ts builds into editor-dist/ and the two files run in parallel.
const APP_OUT_DIR = fileURLToPath(new URL('../../test-artifacts/editor-dist-server/', import.meta.url));
const chromiumMissing = !existsSync(CHROMIUM);
const missingReason = `${CHROMIUM} is missing; run scripts/ensure-chromium.sh`;
if (chromiumMissing) console.warn(`[browser e2e] skipped: ${missingReason}`);

describe.skipIf(chromiumMissing)(chromiumMissing ? `editor with the server — skipped: ${missingReason}` : 'editor with the server', { timeout: 120_000 }, () => {
  let running: RunningEditorServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildEditorApp({ outDir: APP_OUT_DIR });
    running = await startEditorServer(APP_OUT_DIR);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A page on `query`, started (server lists loaded, link state applied) with the worker ready; page errors are collected. */
  async function openEditor(query = '', options: { colorScheme?: 'light' | 'dark'; acceptDownloads?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, colorScheme: options.colorScheme ?? 'light', acceptDownloads: options.acceptDownloads ?? false });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${running.url}${query}`);
    await page.waitForFunction(() => window.a6Editor !== undefined);
    await page.evaluate(() => window.a6Editor!.languageReady);
    await page.evaluate(() => window.a6Editor!.started);
    return { page, errors };
  }

  const close = async (page: Page) => page.context().close();
  const replayed = (page: Page) => page.waitForFunction(() => window.a6Editor!.lastReplay() !== null, null, { timeout: 60_000 });
  const compared = (page: Page) => page.waitForFunction(() => window.a6Editor!.lastCompare() !== null, null, { timeout: 60_000 });
  /** The text of a table's cells, row by row, found by its caption. */
  const tableRows = (page: Page, caption: string) =>
    page.evaluate((wanted) => {
      const table = [...document.querySelectorAll('table')].find((candidate) => candidate.caption?.textContent?.startsWith(wanted));
      return table ? [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? '').trim())) : null;
    }, caption);

  it('opens on the Glasgow rulebook and a real history, and puts both in the URL', async () => {
    const { page, errors } = await openEditor();
    expect(await page.evaluate(() => window.a6Editor!.currentPath())).toBe('glasgow-2021.a6');
    expect(await page.locator('#history-select').inputValue()).toBe('a62-ca-tool-2026-08-14');
    expect(new URL(page.url()).searchParams.get('file')).toBe('glasgow-2021.a6');
    expect(new URL(page.url()).searchParams.get('history')).toBe('a62-ca-tool-2026-08-14');
    await expect.poll(() => page.locator('#status-language').innerText()).toMatch(/syntax \+ type checks · 1[01] editor features/);
    expect(await page.locator('#results-body').innerText()).toContain('Nothing has been run.');
    await page.screenshot({ path: `${ARTIFACTS}server-start.png` });
    expect(errors).toEqual([]);
    await close(page);
  });

  it("runs the worked example (Ctrl+Enter) and shows docs/reports.md's numbers: 15 accepted, levies 50/20, PER adjustment 310", async () => {
    const { page, errors } = await openEditor(`?file=bilateral-singapore.a6&history=${SPEC_WORKED_EXAMPLE}`);
    expect(await page.evaluate(() => window.a6Editor!.currentPath())).toBe('bilateral-singapore.a6');
    await page.evaluate(() => window.a6Editor!.editor.focus());
    await page.keyboard.press('Control+Enter');
    await replayed(page);

    const counts = await page.locator('.verdict-counts').innerText();
    expect(counts.replace(/\s+/g, ' ')).toBe('Accepted 15 Rejected 0 Findings 0');
    expect(await tableRows(page, 'Levies')).toEqual([
      ['omge', '20'],
      ['sop', '50'],
    ]);
    expect(await tableRows(page, 'Holdings')).toEqual([
      ['LEVY:adaptation_fund', 'ITMO', '50'],
      ['PE-NR:dev', 'ITMO', '430'],
      ['SG-NR:buyer', 'ITMO', '200'],
    ]);
    const per = await tableRows(page, 'PER — method averaging');
    const header = await page.evaluate(() =>
      [...[...document.querySelectorAll('table')].find((table) => table.caption?.textContent?.startsWith('PER —'))!.tHead!.rows[0]!.cells].map((cell) => cell.textContent),
    );
    const row2022 = per!.find((row) => row[0] === '2022')!;
    expect(row2022[header.indexOf('adjustment')]).toBe('310');
    expect(row2022[header.indexOf('annual_adjustment')]).toBe('930');
    expect(row2022[header.indexOf('emissions_balance')]).toBe('60,000,310');
    const sgp2024 = (await tableRows(page, 'SGP — method trajectory'))!.find((row) => row[0] === '2024')!;
    expect(sgp2024[header.indexOf('adjustment')]).toBe('−300');

    // The charts: accessible SVG (title, description) with the data as a table fallback.
    const chart = page.locator('figure.chart', { hasText: 'Corresponding adjustment per Party and year' });
    await expect.poll(() => chart.locator('svg[role="img"] title').first().textContent()).toBe('Corresponding adjustment per Party and year');
    expect(await chart.locator('svg desc').textContent()).toContain('bilateral');
    expect(await chart.locator('svg.chart-svg .chart-bar').count()).toBe(7); // PER 2021–2023, SGP 2021–2024
    expect(await chart.locator('rect title', { hasText: 'SGP, 2024: −300 tCO2e' }).count()).toBe(1);
    expect(await tableRows(page, 'Corresponding adjustment per Party and year')).toEqual([
      ['2021', '310', '0'],
      ['2022', '310', '0'],
      ['2023', '310', '0'],
      ['2024', '—', '−300'],
    ]);
    expect(await page.locator('figure.chart', { hasText: 'Emissions balance per Party and year' }).locator('svg.chart-svg .chart-point').count()).toBe(2);
    expect(await page.locator('#run-status').innerText()).toContain('15 accepted, 0 rejected, 0 findings');

    await page.locator('#run-view').screenshot({ path: `${ARTIFACTS}run-worked-example-panel.png` });
    await page.locator('.charts').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}run-worked-example.png` });
    expect(errors).toEqual([]);
    await close(page);
  });

  it('counts rejections per rule in a code lens; a rejection row jumps to the check and shows its values', async () => {
    // A link with view=run runs the replay on opening.
    const { page, errors } = await openEditor('?file=within-ndc-only.a6&history=a62-ca-tool-2026-08-14&view=run');
    await replayed(page);
    expect((await page.locator('.verdict-counts').innerText()).replace(/\s+/g, ' ')).toBe('Accepted 816 Rejected 99 Findings 0');
    // The imported glasgow-2021.a6 is read from the server, so the open file checks clean.
    await expect.poll(() => page.locator('#status-diagnostics').innerText(), { timeout: 15_000 }).toBe('0 errors, 0 warnings');

    const lens = page.locator('.codelens-decoration');
    await expect.poll(() => lens.allInnerTexts(), { timeout: 15_000 }).toContain('rejected 99 events in the last replay (within_ndc_only over a62-ca-tool-2026-08-14)');

    // First rejection row: seq 26, an authorization outside the host's NDC.
    const first = page.locator('.entries-table tbody tr').first();
    expect(await first.innerText()).toContain('rule.ndc_scope');
    await first.locator('button').click();
    const detail = page.locator('#rejection-detail');
    await expect.poll(() => detail.innerText()).toContain('Values that decided it');
    expect(await detail.innerText()).toContain('activity.in_ndc');
    expect(await detail.innerText()).toContain('within-ndc-only.a6:8:5');
    expect(await detail.innerText()).toContain('activity GS1060 lies outside RWA\'s NDC');
    const cursor = await page.evaluate(() => window.a6Editor!.editor.getPosition());
    expect(cursor).toEqual({ lineNumber: 8, column: 5 });
    expect(await page.locator('.rejection-line').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}run-rejections-lens.png` });

    // The lens filters the table to its rule.
    await lens.filter({ hasText: 'rejected 99 events' }).locator('a').first().click();
    await expect.poll(() => page.locator('.filter-note').innerText()).toContain('Only rule ndc_scope: 99 events.');
    expect(errors).toEqual([]);
    await close(page);
  });

  it('compares rulebooks: a direct rejection and its cascade, the summary diffs, a chart per Party, the HTML report; the link reopens it', async () => {
    const query = '?file=glasgow-2021.a6&history=a64-issuance&compare=itmo-restrictions.a6%23itmo_holding_limit&view=compare';
    const { page, errors } = await openEditor(query, { acceptDownloads: true });
    await compared(page);
    const summary = await page.locator('#compare-body .run-summary').innerText();
    expect(summary).toContain('first divergence at event 16 (a64-sale-singapore, UnitsTransferred)');
    expect(summary).toContain('2 verdict differences (1 direct, 1 cascade)');
    expect(await tableRows(page, 'Events decided differently')).toEqual([
      ['16', 'a64-sale-singapore', 'UnitsTransferred', 'direct', 'accepted', 'rejected: rule.holding_limit'],
      ['17', 'a64-use-singapore', 'UnitsUsed', 'cascade', 'accepted', 'rejected: ledger.units_not_held'],
    ]);
    const report = await page.evaluate(() => window.a6Editor!.lastCompare()!);
    expect(report.rulebooks.map((rulebook) => rulebook.key)).toEqual(['glasgow_2021', 'itmo_holding_limit']);
    const diffRows = await tableRows(page, 'Structured summary values that differ');
    expect(diffRows).toHaveLength(report.summary_diffs.length);
    const charts = page.locator('.compare-charts figure.chart');
    await expect.poll(() => charts.count()).toBeGreaterThan(0);
    expect(await charts.first().locator('.chart-legend li').allInnerTexts()).toEqual(['glasgow_2021', 'itmo_holding_limit']);
    await page.screenshot({ path: `${ARTIFACTS}compare.png` });
    await page.locator('.compare-charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}compare-charts.png` });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download HTML report' }).click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('<svg');
    expect(html).toContain('itmo_holding_limit');

    // The URL names the whole view: a second reader opening it gets the same report.
    const link = page.url();
    expect(new URL(link).search).toBe(query);
    const again = await openEditor(new URL(link).search);
    await compared(again.page);
    expect(await again.page.evaluate(() => window.a6Editor!.lastCompare()!.digest)).toBe(report.digest);
    expect(await again.page.locator('#tab-compare').getAttribute('aria-selected')).toBe('true');
    await close(again.page);
    expect(errors).toEqual([]);
    await close(page);
  });

  it('marks unsaved changes and saves with the designer token entered once in Settings', async () => {
    const designer = await running.token('designer');
    const { page, errors } = await openEditor('?file=omge.a6');
    expect(await page.locator('#save-file').isDisabled()).toBe(true);
    await page.evaluate(() => {
      const { editor } = window.a6Editor!;
      editor.setPosition({ lineNumber: 1, column: 1 });
      editor.focus();
    });
    await page.keyboard.type('// reviewed in the browser test\n');
    await expect.poll(() => page.locator('#current-file').innerText()).toContain('●');
    expect(await page.locator('#open-file-list').innerText()).toContain('omge.a6 ●');
    expect(await page.title()).toBe('● omge.a6 — A6 Ledger');

    await page.keyboard.press('Control+s');
    const dialog = page.locator('#settings-dialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.innerText()).toContain('Saving needs a designer token');
    await page.locator('#settings-token').fill(designer);
    await page.getByRole('button', { name: 'Save token' }).click();
    await expect.poll(() => page.locator('#status-message').innerText(), { timeout: 15_000 }).toBe('Saved omge.a6 as version 2.');
    expect(await page.locator('#current-file').innerText()).not.toContain('●');
    expect(await page.evaluate(() => localStorage.getItem('a6.token'))).toBe(designer);
    const stored = (await (await fetch(`${running.url}api/rulebooks/omge.a6`)).json()) as { version: number; source: string };
    expect(stored.version).toBe(2);
    expect(stored.source.startsWith('// reviewed in the browser test\n')).toBe(true);

    // An invalid program is refused by the server, and the mark stays.
    await page.keyboard.type('rulebook broken {\n');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.locator('#status-message').innerText(), { timeout: 15_000 }).toContain('Not saved:');
    expect(await page.locator('#status-message').innerText()).toContain('rulebook.invalid');
    expect(await page.locator('#current-file').innerText()).toContain('●');
    await page.screenshot({ path: `${ARTIFACTS}save-refused.png` });
    expect(errors.filter((error) => !/status of 422/.test(error))).toEqual([]);
    await close(page);
  });

  it('lists Run, Compare, Format and Toggle theme in the command palette (Ctrl+Shift+P) and runs them', async () => {
    const { page, errors } = await openEditor('?file=glasgow-2021.a6&history=ghana-switzerland');
    await page.locator('#open-settings').focus();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.locator('.quick-input-widget');
    await palette.waitFor({ state: 'visible' });
    const entries = page.locator('.quick-input-list .monaco-list-row');
    // The list is virtual (only visible rows exist): filter it to each command in turn.
    const listed: string[] = [];
    // Monaco's palette keeps its quick-access prefix (`>`) in the box.
    const prefix = await page.locator('.quick-input-box input').inputValue();
    for (const label of ['A6: Run replay', 'A6: Compare rulebooks', 'Format Document', 'A6: Format rulebook (a6 fmt)', 'A6: Toggle light/dark theme', 'A6: Save rulebook']) {
      await page.locator('.quick-input-box input').fill(`${prefix}${label}`);
      await expect.poll(() => entries.allInnerTexts().then((texts) => texts.join('\n')), { timeout: 5_000 }).toContain(label);
      listed.push((await entries.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ')).find((text) => text.startsWith(label))!);
    }
    expect(listed[0]).toMatch(/Ctrl ?\+ ?Enter/);
    // Monaco binds its own Format Document to Ctrl+Shift+I on Linux; the a6 entry carries Shift+Alt+F everywhere.
    expect(listed[3]).toMatch(/Shift ?\+ ?Alt ?\+ ?F/);
    await page.locator('.quick-input-box input').fill(`${prefix}A6:`);
    await page.screenshot({ path: `${ARTIFACTS}command-palette.png` });
    await page.keyboard.press('Escape');

    // Toggle theme through the palette.
    await page.keyboard.press('Control+Shift+P');
    await palette.waitFor({ state: 'visible' });
    await page.keyboard.type('Toggle light/dark');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    // Run from the palette, with focus outside the editor first.
    await page.keyboard.press('Control+Shift+P');
    await palette.waitFor({ state: 'visible' });
    await page.keyboard.type('A6: Run replay');
    // Fuzzy matching also lists "Cancel the running replay"; choose the exact entry.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /^A6: Run replay/ }).click();
    await replayed(page);
    expect(await page.evaluate(() => window.a6Editor!.lastReplay()!.rulebook.name)).toBe('glasgow_2021');
    await page.screenshot({ path: `${ARTIFACTS}run-dark.png` });
    expect(errors).toEqual([]);
    await close(page);
  });

  it('completes a field, shows a hover doc, renames a rule and formats (Shift+Alt+F) through the language service', async () => {
    const { page, errors } = await openEditor('?file=glasgow-2021.a6');

    // Completion after `unit.` on the vintage rule.
    const at = await page.evaluate(() => {
      const { editor } = window.a6Editor!;
      const match = editor.getModel()!.findMatches('require unit.vintage >= 2021', false, false, true, null, false)[0]!;
      const position = { lineNumber: match.range.startLineNumber, column: match.range.startColumn + 'require unit.'.length };
      editor.setPosition(position);
      editor.focus();
      return position;
    });
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    // Every unit field is offered (unit.activity first, alphabetically); typing narrows to vintage.
    await expect.poll(() => suggestions.allInnerTexts().then((texts) => texts.join('\n')), { timeout: 10_000 }).toContain('authorized');
    await page.keyboard.type('vint');
    await expect.poll(() => suggestions.allInnerTexts().then((texts) => texts.join('\n')), { timeout: 10_000 }).toContain('vintage');
    await page.screenshot({ path: `${ARTIFACTS}completion.png` });
    await page.keyboard.press('Escape');

    // Hover on the field.
    // The hover asks the language worker, which may still be re-checking the edit above: a hover that
    // came back empty is asked again until the answer is there.
    const showHover = () => page.evaluate((position) => {
      const { editor } = window.a6Editor!;
      editor.setPosition({ lineNumber: position.lineNumber, column: position.column + 2 });
      editor.trigger('test', 'editor.action.showHover', null);
    }, at);
    const hover = page.locator('.monaco-hover-content');
    await expect.poll(async () => {
      const text = await hover.innerText({ timeout: 1_000 }).catch(() => '');
      if (!/vintage/.test(text)) await showHover();
      return text;
    }, { timeout: 20_000 }).toMatch(/vintage/);
    await page.screenshot({ path: `${ARTIFACTS}hover.png` });
    await page.keyboard.press('Escape');

    // Rename the rule (F2), then format a mangled line back (Shift+Alt+F).
    await page.evaluate(() => {
      const { editor } = window.a6Editor!;
      const match = editor.getModel()!.findMatches('rule vintage_2021', false, false, true, null, false)[0]!;
      editor.setPosition({ lineNumber: match.range.startLineNumber, column: match.range.startColumn + 'rule vint'.length });
      editor.focus();
    });
    await page.keyboard.press('F2');
    // The rename box opens after prepareRename answers; keys before that would edit the document.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.rename-box') !== null), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('itmo_vintage');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.a6Editor!.editor.getValue())).toContain('rule itmo_vintage "ITMOs are mitigation from 2021 on"');
    expect(await page.evaluate(() => window.a6Editor!.editor.getValue())).not.toContain('vintage_2021');

    const formatted = await page.evaluate(() => window.a6Editor!.editor.getValue());
    await page.evaluate(() => {
      const { editor } = window.a6Editor!;
      const model = editor.getModel()!;
      const match = model.findMatches('option a64.itmo = on_first_transfer', false, false, true, null, false)[0]!;
      editor.executeEdits('test', [{ range: match.range, text: 'option    a64.itmo=on_first_transfer' }]);
      editor.focus();
    });
    expect(await page.evaluate(() => window.a6Editor!.editor.getValue())).not.toBe(formatted);
    await page.keyboard.press('Shift+Alt+F');
    await expect.poll(() => page.evaluate(() => window.a6Editor!.editor.getValue())).toBe(formatted);
    await page.screenshot({ path: `${ARTIFACTS}renamed-formatted.png` });
    expect(errors).toEqual([]);
    await close(page);
  });
});
