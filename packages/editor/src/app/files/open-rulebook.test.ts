import { describe, expect, it } from 'vitest';
import { initialAppState, type AppState, type OpenFile } from '../state/index.ts';
import { EMPTY_URL_STATE } from '../url-state/url-state.ts';
import { describeReference, openRulebookReference } from './open-rulebook.ts';

const withFile = (file: OpenFile, rulebook: string | null = null): AppState => {
  const state = initialAppState(EMPTY_URL_STATE, 'light');
  return { ...state, files: [file], currentPath: file.path, selection: { ...state.selection, rulebook } };
};
const textOf = (path: string) => `// the editor's text of ${path}`;

describe('openRulebookReference', () => {
  it('names a saved, unmodified server file by its path (and the chosen rulebook)', () => {
    const reference = openRulebookReference(withFile({ path: 'glasgow-2021.a6', origin: 'server', modified: false }, 'glasgow_2021'), textOf);
    expect(reference).toEqual({ file: 'glasgow-2021.a6', name: 'glasgow_2021' });
    expect(describeReference(reference!)).toBe('glasgow_2021 of glasgow-2021.a6');
  });

  it("sends the editor's text for a modified, local or scratch file", () => {
    for (const file of [
      { path: 'glasgow-2021.a6', origin: 'server', modified: true },
      { path: 'mine.a6', origin: 'local', modified: false },
      { path: 'scratch.a6', origin: 'scratch', modified: false },
    ] as const) {
      const reference = openRulebookReference(withFile(file), textOf);
      expect(reference).toEqual({ source: textOf(file.path), file: file.path });
      expect(describeReference(reference!)).toBe(`default rulebook of ${file.path} (unsaved text)`);
    }
  });

  it('is null with no file open', () => {
    expect(openRulebookReference(initialAppState(EMPTY_URL_STATE, 'light'), textOf)).toBeNull();
  });
});
