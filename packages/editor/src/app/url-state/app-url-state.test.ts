import { describe, expect, it } from 'vitest';
import { initialAppState, type AppState } from '../state/index.ts';
import { urlStateOf } from './app-url-state.ts';
import { EMPTY_URL_STATE, writeUrlState } from './url-state.ts';

const state = (origin: 'server' | 'local' | 'scratch'): AppState => ({
  ...initialAppState(EMPTY_URL_STATE, 'light'),
  files: [{ path: 'glasgow-2021.a6', origin, modified: false }],
  currentPath: 'glasgow-2021.a6',
  selection: { history: 'worked-example', rulebook: 'glasgow_2021', compare: [{ file: 'a64-itmo.a6', name: 'a64_separate' }], view: 'compare' },
});

describe('urlStateOf', () => {
  it('links the saved file with the panel choices', () => {
    expect(writeUrlState(urlStateOf(state('server')))).toBe('?file=glasgow-2021.a6&rulebook=glasgow_2021&history=worked-example&compare=a64-itmo.a6%23a64_separate&view=compare');
  });

  it('leaves out a file the server does not hold (and with it the rulebook)', () => {
    expect(urlStateOf(state('local')).file).toBeNull();
    expect(writeUrlState(urlStateOf(state('scratch')))).toBe('?history=worked-example&compare=a64-itmo.a6%23a64_separate&view=compare');
  });
});
