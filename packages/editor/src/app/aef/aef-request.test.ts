import { describe, expect, it } from 'vitest';
import { aefUrl } from './aef-request.ts';

describe('aefUrl', () => {
  it('escapes the rulebook name (a bare # would start the fragment) and asks for the checks', () => {
    expect(aefUrl({ history: 'a62-ca-tool-2026-08-14', party: 'RWA', year: 2025, rulebook: 'glasgow-2021.a6#glasgow_2021' }, 'json', true)).toBe(
      'api/histories/a62-ca-tool-2026-08-14/aef?party=RWA&year=2025&format=json&rulebook=glasgow-2021.a6%23glasgow_2021&check=true',
    );
  });

  it('leaves the rulebook out to use the one in force', () => {
    expect(aefUrl({ history: 'main', party: 'SGP', year: 2024, rulebook: null }, 'xlsx', false)).toBe('api/histories/main/aef?party=SGP&year=2024&format=xlsx');
  });
});
