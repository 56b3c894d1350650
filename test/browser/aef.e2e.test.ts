import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditorApp } from '../../packages/editor/src/app-build/index.ts';
import { startEditorServer, type RunningEditorServer } from './editor-server.ts';

/**
 * The Run view's "AEF report…" (docs/aef.md) against the real server seeded like `pnpm start`: after a
 * replay of the real Article 6.2 history, Rwanda 2025 passes the checks, and the downloads are the
 * golden T3.csv and a workbook; without an auditor token the dialog says what is needed.
 */
const CHROMIUM = process.env.A6_CHROMIUM_PATH ?? '/usr/bin/chromium';
// Its own build directory: the other browser files build into theirs and the files run in parallel.
const APP_OUT_DIR = fileURLToPath(new URL('../../test-artifacts/editor-dist-aef/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
const GOLDEN_T3 = fileURLToPath(new URL('../golden/reports/aef/a62-2025/RWA/T3.csv', import.meta.url));
const chromiumMissing = !existsSync(CHROMIUM);
const missingReason = `${CHROMIUM} is missing; run scripts/ensure-chromium.sh`;
if (chromiumMissing) console.warn(`[browser e2e] skipped: ${missingReason}`);

describe.skipIf(chromiumMissing)(chromiumMissing ? `AEF report — skipped: ${missingReason}` : 'AEF report in the Run view', { timeout: 180_000 }, () => {
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

  it('Rwanda 2025 from the real history: checks passed, golden T3.csv and an XLSX; a reader is told to bring an auditor token', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(running.url);
    await page.waitForFunction(() => window.a6Editor !== undefined);
    await page.evaluate(() => window.a6Editor!.started);
    expect(await page.locator('#history-select').inputValue()).toBe('a62-ca-tool-2026-08-14');
    const aef = page.getByRole('button', { name: 'AEF report…' });
    expect(await aef.isDisabled()).toBe(true);

    await page.locator('#run-start').click();
    await page.waitForFunction(() => window.a6Editor!.lastReplay() !== null, null, { timeout: 90_000 });
    await aef.click();
    const dialog = page.locator('#aef-dialog');
    await dialog.waitFor({ state: 'visible' });
    await page.locator('#aef-party').selectOption('RWA');
    await page.locator('#aef-year').selectOption('2025');

    await dialog.getByRole('button', { name: 'Check and build' }).click();
    await expect.poll(() => dialog.innerText(), { timeout: 60_000 }).toContain('needs an auditor token or above');

    const auditor = await running.token('auditor');
    await page.evaluate((token) => localStorage.setItem('a6.token', token), auditor);
    await dialog.getByRole('button', { name: 'Check and build' }).click();
    await expect.poll(() => dialog.locator('.aef-checks').innerText().catch(() => ''), { timeout: 60_000 }).toContain('Checks: passed');
    expect(await dialog.locator('.aef-shape').innerText()).toMatch(/^RWA 2025 under glasgow_2021: T2 16, T3 85, T4 45, T5 0 rows; digest /);

    const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'T3.csv' }).click()]);
    expect(csv.suggestedFilename()).toBe('aef-RWA-2025-T3.csv');
    expect(readFileSync((await csv.path())!, 'utf8')).toBe(readFileSync(GOLDEN_T3, 'utf8'));
    const [xlsx] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('aef-RWA-2025.xlsx');
    expect(readFileSync((await xlsx.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.screenshot({ path: `${ARTIFACTS}aef-dialog.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
