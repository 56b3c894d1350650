import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditorApp, previewEditorApp, type RunningEditorApp } from '../../packages/editor/src/app-build/index.ts';

/**
 * The browser editor end to end: the built app (the same static files the server serves) in Debian's
 * chromium driven by playwright-core. `scripts/ensure-chromium.sh` installs chromium; playwright never
 * downloads a browser here.
 */
const CHROMIUM = process.env.A6_CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/browser/', import.meta.url));
const APP_OUT_DIR = fileURLToPath(new URL('../../test-artifacts/editor-dist/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/glasgow.a6', import.meta.url));

const chromiumMissing = !existsSync(CHROMIUM);
const missingReason = `${CHROMIUM} is missing; run scripts/ensure-chromium.sh`;

// Vitest's summary only counts skipped tests; say why where a reader of the log will see it.
if (chromiumMissing) console.warn(`[browser e2e] skipped: ${missingReason}`);

if (chromiumMissing && process.env.CI === 'true') {
  describe('browser end-to-end', () => {
    it('has chromium under CI', () => {
      throw new Error(`CI=true but ${missingReason}`);
    });
  });
}

describe.skipIf(chromiumMissing)(
  chromiumMissing ? `editor in chromium — skipped: ${missingReason}` : 'editor in chromium',
  () => {
    let app: RunningEditorApp;
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(ARTIFACTS, { recursive: true });
      await buildEditorApp({ outDir: APP_OUT_DIR });
      app = await previewEditorApp(APP_OUT_DIR);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      });
    });

    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    /** A page with the app loaded and the language worker ready; page errors fail the test. */
    async function openEditor(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, colorScheme: options.colorScheme ?? 'light' });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(app.url);
      await page.waitForFunction(() => window.a6Editor !== undefined);
      await page.evaluate(() => window.a6Editor!.languageReady);
      return { page, errors };
    }

    async function openFixture(page: Page): Promise<void> {
      await page.locator('#local-file-input').setInputFiles(FIXTURE);
      await page.waitForFunction(() => window.a6Editor!.currentPath() === 'glasgow.a6');
    }

    /** Console errors the page reports only because this static host has no `/api`. */
    const withoutMissingApi = (errors: readonly string[]) =>
      errors.filter((error) => !/Failed to load resource: the server responded with a status of 404/.test(error));

    it('renders a rulebook with the a6 language and its Monarch tokens', async () => {
      const { page, errors } = await openEditor();
      await openFixture(page);

      const language = await page.evaluate(() => window.a6Editor!.editor.getModel()!.getLanguageId());
      expect(language).toBe('a6');
      await expect.poll(() => page.locator('.view-line').count()).toBeGreaterThan(20);
      // Monaco renders spaces as no-break spaces.
      const visibleText = async () => (await page.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ');
      await expect.poll(visibleText).toContain('rulebook glasgow_2021 "Article 6 as adopted at CMA.3" {');

      const tokens = await page.evaluate(() => {
        const source = [
          'rulebook demo extends base {',
          '  option adjustment.object = ndc_target',
          '  levy omge 2% rounded up on issuance where unit.mechanism == "6.4" cancel',
          '  rule r "title {not a hole}" on first_transfer { require event.requested_on <= 2023-12-31 else "{unit.serial} late" }',
          '}',
        ].join('\n');
        const lines = source.split('\n');
        const tokenized = window.a6Editor!.monaco.editor.tokenize(source, 'a6');
        return tokenized.flatMap((line, index) =>
          line.map((token, position) => {
            const text = lines[index]!;
            const end = line[position + 1]?.offset ?? text.length;
            return `${text.slice(token.offset, end)}=${token.type}`;
          }),
        );
      });
      expect(tokens).toEqual(
        expect.arrayContaining([
          'rulebook=keyword.a6',
          'extends=keyword.a6',
          'adjustment.object=type.option.a6',
          'ndc_target=constant.option.a6',
          '2%=number.percent.a6',
          'issuance=type.trigger.a6',
          'first_transfer=type.trigger.a6',
          'unit=variable.predefined.a6',
          'mechanism=variable.field.a6',
          '6.4=string.a6',
          '2023-12-31=number.date.a6',
          '{=delimiter.interpolation.a6',
          'serial=variable.field.a6',
        ]),
      );
      // Only `else` messages interpolate: braces in a title are plain string text.
      expect(tokens).toContain('title {not a hole}=string.a6');
      expect(tokens.filter((token) => token.endsWith('=invalid.a6'))).toEqual([]);

      await page.screenshot({ path: `${ARTIFACTS}editor-light.png` });
      expect(withoutMissingApi(errors)).toEqual([]);
      await page.close();
    });

    it('marks an introduced error with its diagnostic code', async () => {
      const { page, errors } = await openEditor();
      await openFixture(page);

      // Type the error the way a user does: put the cursor after `unit.vint` and garble the field.
      await page.evaluate(() => {
        const { editor } = window.a6Editor!;
        const match = editor.getModel()!.findMatches('unit.vintage >= 2021', false, false, true, null, false)[0]!;
        editor.setPosition({ lineNumber: match.range.startLineNumber, column: match.range.startColumn + 'unit.vint'.length });
        editor.focus();
      });
      await page.keyboard.press('Delete'); // `unit.vintage` → `unit.vintge`

      const line = await page.evaluate(() => window.a6Editor!.editor.getModel()!.getLineContent(15));
      expect(line).toContain('unit.vintge >= 2021');

      await expect
        .poll(() => page.evaluate(() => window.a6Editor!.monaco.editor.getModelMarkers({ owner: 'a6' }).map((m) => m.code)), { timeout: 10_000 })
        .toContain('dsl.unknown_field');
      const marker = await page.evaluate(() =>
        window.a6Editor!.monaco.editor.getModelMarkers({ owner: 'a6' }).find((m) => m.code === 'dsl.unknown_field'),
      );
      expect(marker).toMatchObject({ startLineNumber: 15, severity: 8 });
      expect(marker!.message).toContain('vintge');
      await expect.poll(() => page.locator('#status-diagnostics').innerText()).toMatch(/^[1-9]\d* errors?/);
      await page.locator('.squiggly-error').first().waitFor();

      // A syntax error needs only the parser: an unknown trigger (docs/language.md: it is a syntax error).
      await page.evaluate(() => {
        const { editor } = window.a6Editor!;
        const match = editor.getModel()!.findMatches('on first_transfer {', false, false, true, null, false)[0]!;
        editor.setPosition({ lineNumber: match.range.startLineNumber, column: match.range.startColumn + 'on '.length });
        editor.focus();
      });
      await page.keyboard.type('x');
      await expect
        .poll(() => page.evaluate(() => window.a6Editor!.monaco.editor.getModelMarkers({ owner: 'a6' }).map((m) => m.code)), { timeout: 10_000 })
        .toContain('dsl.syntax');

      await page.screenshot({ path: `${ARTIFACTS}editor-error-marker.png` });
      expect(withoutMissingApi(errors)).toEqual([]);
      await page.close();
    });

    it('shows "server not reachable" when no API answers, and empty results honestly', async () => {
      const { page, errors } = await openEditor({ colorScheme: 'dark' });
      await expect.poll(() => page.locator('#rulebook-list').innerText()).toContain('Server not reachable.');
      await expect.poll(() => page.locator('#history-list').innerText()).toContain('Server not reachable.');
      expect(await page.locator('#results-body').innerText()).toContain('Nothing has been run.');
      expect(await page.locator('#open-file-list').innerText()).toContain('scratch.a6');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.screenshot({ path: `${ARTIFACTS}editor-no-server-dark.png` });
      expect(withoutMissingApi(errors)).toEqual([]);
      await page.close();
    });

    it('lists and opens stored rulebooks from an API that answers like the server', async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      const source = readFileSync(FIXTURE, 'utf8');
      // Routed in the test: the shapes the app expects from GET /api/rulebooks[/:file] and /api/histories.
      await page.route('**/api/rulebooks', (route) =>
        route.fulfill({ json: { files: [{ file: 'glasgow.a6', rulebooks: ['glasgow_2021', 'within_ndc_only', 'omge_at_use'] }] } }),
      );
      await page.route('**/api/rulebooks/glasgow.a6', (route) => route.fulfill({ json: { file: 'glasgow.a6', source } }));
      await page.route('**/api/histories', (route) => route.fulfill({ json: { histories: [{ id: 'main', events: 1234 }] } }));
      await page.goto(app.url);
      await page.waitForFunction(() => window.a6Editor?.currentPath() === 'glasgow.a6');
      expect(await page.locator('#rulebook-list').innerText()).toContain('glasgow_2021, within_ndc_only, omge_at_use');
      expect(await page.locator('#history-list').innerText()).toContain('1,234 events');
      expect(await page.evaluate(() => window.a6Editor!.editor.getValue())).toBe(source);
      expect(await page.locator('#current-file').innerText()).toBe('glasgow.a6');
      await page.screenshot({ path: `${ARTIFACTS}editor-with-server.png` });
      await page.close();
    });

    it('moves focus between regions with F6', async () => {
      const { page } = await openEditor();
      await page.locator('#open-local-file').focus();
      await page.keyboard.press('F6');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('side-bar');
      await page.keyboard.press('F6');
      expect(await page.evaluate(() => document.activeElement?.closest('#editor-region') !== null)).toBe(true);
      await page.keyboard.press('F6');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('results-panel');
      await page.keyboard.press('Shift+F6');
      expect(await page.evaluate(() => document.activeElement?.closest('#editor-region') !== null)).toBe(true);
      await page.close();
    });
  },
);
