import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sortedJson } from '../events/canonical-json.ts';
import { caToolExpectedSummary } from './ca-tool-expected-summary.ts';

const SNAPSHOT = new URL('../../../../examples/data/a62-ca-tool-snapshot-2026-08-14.json', import.meta.url);
const FIXTURE = new URL('../../../../examples/histories/a62-ca-tool-2026-08-14.expected.json', import.meta.url);

const summary = caToolExpectedSummary(JSON.parse(readFileSync(SNAPSHOT, 'utf8')));

describe('caToolExpectedSummary (the independent side of the A6.2 golden test)', () => {
  it('matches the committed fixture (A6_UPDATE_GOLDEN=1 rewrites it)', () => {
    const text = sortedJson(summary) + '\n';
    if (process.env.A6_UPDATE_GOLDEN === '1') writeFileSync(FIXTURE, text);
    expect(readFileSync(FIXTURE, 'utf8')).toBe(text);
  });

  it('covers the 601 blocks and 23,240,850 units of 14 hosts', () => {
    expect(summary.source).toEqual({ cutoff: '2026-08-14', version: '1.0', blocks: 601, units: 23_240_850 });
    expect(Object.keys(summary.hosts)).toHaveLength(14);
    const units = Object.values(summary.hosts).reduce((total, host) => total + host.units, 0);
    expect(units).toBe(23_240_850);
  });

  it('gives Gambia and Sierra Leone no first transfer and no adjustment (first international transfer, none yet)', () => {
    for (const party of ['GMB', 'SLE']) {
      const host = summary.hosts[party]!;
      expect(host.units_first_transferred).toBe(0);
      expect(host.workbook.years).toEqual({});
      expect(host.glasgow).toBeNull();
    }
  });

  it('agrees between the two readings on vintage adjustments and totals, host by host', () => {
    for (const host of Object.values(summary.hosts)) {
      const workbookTotal = Object.values(host.workbook.years).reduce((total, year) => total + year.net, 0);
      const glasgowTotal = Object.values(host.glasgow?.years ?? {}).reduce((total, year) => total + year.net, 0);
      expect(glasgowTotal).toBe(workbookTotal);
      for (const [year, row] of Object.entries(host.workbook.years)) {
        expect(host.glasgow?.years[year]?.adjustment ?? 0).toBe(row.adjustment);
      }
    }
  });

  it('moves units issued before their authorization to the authorization year (Rwanda GS10897)', () => {
    const rwanda = summary.hosts.RWA!;
    // GS10897 vintage 2021 was issued 2022-12-09 under a 2025 authorization with first transfer at issuance.
    expect(rwanda.workbook.years['2022']!.first_transferred).toBe(2827);
    expect(rwanda.glasgow!.years['2022']!.first_transferred).toBe(0);
  });
});
