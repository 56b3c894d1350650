import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditorApp } from '../../packages/editor/src/app-build/index.ts';
import { startEditorServer, type RunningEditorServer } from './editor-server.ts';

/**
 * "Find a history where these differ" (docs/negotiators.md): from the Compare view, against the real
 * server and its witness search, in Debian's chromium. Waits on conditions only.
 */
const CHROMIUM = process.env.A6_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
// Its own build directory: the other browser tests build theirs in parallel.
const APP_OUT_DIR = fileURLToPath(new URL('../../test-artifacts/editor-dist-diff/', import.meta.url));
const chromiumMissing = !existsSync(CHROMIUM);
const missingReason = `${CHROMIUM} is missing; run scripts/ensure-chromium.sh`;
if (chromiumMissing) console.warn(`[browser e2e] skipped: ${missingReason}`);

describe.skipIf(chromiumMissing)(chromiumMissing ? `diff witness in the editor — skipped: ${missingReason}` : 'diff witness in the editor', { timeout: 120_000 }, () => {
  let running: RunningEditorServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await buildEditorApp({ outDir: APP_OUT_DIR });
    running = await startEditorServer(APP_OUT_DIR);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows the structural difference beside the compare, finds a witness, marks its first divergence and opens the rule line that decided it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${running.url}?file=glasgow-2021.a6&history=a64-issuance&compare=cdm-transition.a6%23cdm_automatic&view=compare`);
    await page.waitForFunction(() => window.a6Editor !== undefined);
    await page.evaluate(() => window.a6Editor!.started);
    await page.waitForFunction(() => window.a6Editor!.lastCompare() !== null, null, { timeout: 60_000 });

    const heading = page.locator('#diff-section h3').first();
    await heading.waitFor({ timeout: 60_000 });
    expect(await heading.innerText()).toBe('Structural differences: glasgow_2021 → cdm_automatic (1)');
    expect(await page.locator('#diff-section pre.diff-lines').innerText()).toContain('rule cdm_window — removed');

    await page.getByRole('button', { name: 'Find a history where these differ' }).click();
    const witness = page.locator('#diff-witness');
    await witness.waitFor({ timeout: 60_000 });
    expect(await witness.locator('h3').first().innerText()).toBe('Witness (3 events): a transaction is accepted under one and rejected under the other');
    const rows = witness.locator('table.diff-table').first().locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const marked = witness.locator('tr.first-divergence');
    expect(await marked.count()).toBe(1);
    expect(await marked.locator('td, th').first().innerText()).toBe('2');
    expect(await marked.innerText()).toContain('ActivityTransitioned');
    expect(await page.locator('#diff-section').innerText()).toContain('Found in history');
    await page.screenshot({ path: `${ARTIFACTS}diff-witness.png`, fullPage: false });

    await witness.getByRole('button', { name: /^glasgow_2021: event 2 rejected by cdm_window/ }).first().click();
    await page.waitForFunction(() => window.a6Editor!.editor.getPosition()?.lineNumber === 38 && window.a6Editor!.currentPath() === 'glasgow-2021.a6', null, { timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
