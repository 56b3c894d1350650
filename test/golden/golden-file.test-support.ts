import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/**
 * Test support for the golden suites: `content` must equal the checked-in file `directory/relative`
 * byte for byte; `UPDATE_GOLDEN=1` rewrites the file instead (after review of the diff).
 */
export function expectGolden(directory: string, relative: string, content: string): void {
  const path = join(directory, relative);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return;
  }
  expect(existsSync(path), `${relative} is not checked in: run UPDATE_GOLDEN=1 pnpm vitest run test/golden`).toBe(true);
  expect(content, `${relative} differs from the checked-in report (UPDATE_GOLDEN=1 rewrites it, after review)`).toBe(readFileSync(path, 'utf8'));
}
