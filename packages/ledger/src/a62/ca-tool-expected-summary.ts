/**
 * The structured-summary figures the raw CA tool snapshot gives, per host Party and year, computed
 * straight from the snapshot's columns, deliberately *without* the converter or the replay engine:
 * this is the independent side of the golden test (`examples/histories/a62-ca-tool-2026-08-14.expected.json`).
 *
 * Two readings are written down:
 * - `workbook`: the publishers' Table 4 logic as its `rowmeta` describes it. Row 5/6 count a block in
 *   the year its first-transfer definition happens: `Authorisation` → the authorization year (rowmeta
 *   row 6: "issuances that occur after the year of authorisation [are] first transferred in the year of
 *   authorisation"), `Issuance` → the issuance year, `First international transfer` → never (no such
 *   transfer in the data; publishers' note on Gambia and Sierra Leone). Row 10 books additions to the
 *   vintage year (para 8(a), trajectory reading: the snapshot carries no NDC method or inventory).
 * - `glasgow`: what replaying the converted history under `glasgow_2021` must give. A unit is first
 *   transferred only once it is both issued and authorized (docs/language.md "Options"), so the year is the later
 *   of the authorization year (authorizations are dated 1 January) and the issuance year, for both
 *   `Authorisation` and `Issuance`. Adjustments are booked to the vintage either way, so the two
 *   readings agree on `adjustment` and on totals, and differ only in the year of rows 5/6.
 */
export interface WorkbookYear {
  readonly first_transferred: number;
  readonly oimp_first_transferred: number;
  readonly used: number;
  readonly net: number;
  readonly adjustment: number;
  readonly cumulative: number;
}

/** A structured-summary year row as `a6 replay --json` writes it (docs/reports.md), for this history. */
export interface GlasgowYear {
  readonly first_transferred: number;
  readonly oimp_first_transferred: number;
  readonly used: number;
  readonly net: number;
  readonly acquired: number;
  readonly annual_adjustment: number;
  readonly average: null;
  readonly adjustment: number;
  readonly cumulative: number;
  readonly inventory: null;
  readonly emissions_balance: null;
  readonly adjusted_target: null;
  readonly a64_first_transferred: null;
  readonly a64_used: null;
}

export interface SummaryDifference {
  readonly year: number;
  readonly field: 'first_transferred' | 'oimp_first_transferred' | 'net' | 'cumulative';
  readonly workbook: number;
  readonly glasgow: number;
}

export interface HostExpectation {
  readonly name: string;
  readonly blocks: number;
  readonly units: number;
  /** Units authorized for NDC use and OIMP (`ndc` = 1). */
  readonly units_ndc_and_oimp: number;
  readonly units_oimp_only: number;
  /** Units first transferred (any year) under either reading. */
  readonly units_first_transferred: number;
  readonly workbook: { readonly years: Readonly<Record<string, WorkbookYear>> };
  /** `null`: the replay does not list the Party (no NDC and no entry). */
  readonly glasgow: { readonly method: 'trajectory'; readonly years: Readonly<Record<string, GlasgowYear>> } | null;
  readonly differences: readonly SummaryDifference[];
}

export interface CaToolExpectedSummary {
  readonly format: 'a6.a62-expected/1';
  readonly source: { readonly cutoff: string; readonly version: string; readonly blocks: number; readonly units: number };
  readonly history: string;
  readonly rulebook: string;
  readonly hosts: Readonly<Record<string, HostExpectation>>;
}

/** ISO 3166-1 alpha-3 codes of the README (kept here on purpose, not imported: independence). */
const ISO3: Readonly<Record<string, string>> = {
  Benin: 'BEN', Cambodia: 'KHM', Gambia: 'GMB', Lao: 'LAO', Madagascar: 'MDG', Malawi: 'MWI', Morocco: 'MAR',
  Nigeria: 'NGA', Rwanda: 'RWA', 'Sierra Leone': 'SLE', Tanzania: 'TZA', Togo: 'TGO', Uzbekistan: 'UZB', Zimbabwe: 'ZWE',
};

interface RawSnapshot {
  cutoff: string;
  version: string;
  n: number;
  d: Record<string, string[]>;
  c: Record<string, (number | string)[]>;
}

interface Tally {
  first_transferred: Map<number, number>;
  oimp_first_transferred: Map<number, number>;
  adjustment: Map<number, number>;
}

export function caToolExpectedSummary(raw: unknown): CaToolExpectedSummary {
  const snapshot = raw as RawSnapshot;
  const column = (name: string, row: number): number | string => {
    const value = snapshot.c[name]?.[row];
    if (value === undefined) throw new Error(`snapshot column ${name} has no row ${row}`);
    return value;
  };
  const decoded = (name: string, row: number): string => {
    const value = snapshot.d[name]?.[column(name, row) as number];
    if (value === undefined) throw new Error(`snapshot d.${name} has no entry for row ${row}`);
    return value;
  };

  const hosts = new Map<string, { name: string; blocks: number; units: number; ndc: number; oimp: number; workbook: Tally; glasgow: Tally }>();
  let units = 0;
  for (let row = 0; row < snapshot.n; row++) {
    const country = decoded('cty', row);
    const party = ISO3[country];
    if (party === undefined) throw new Error(`no ISO code for ${country}`);
    const volume = column('vol', row) as number;
    const vintage = column('vin', row) as number;
    const authorizationYear = column('ay', row) as number;
    const issuanceYear = Number(String(column('idt', row)).slice(0, 4));
    const definition = decoded('ftd', row);
    const forNdc = column('ndc', row) === 1;
    units += volume;

    let host = hosts.get(party);
    if (host === undefined) {
      host = { name: country, blocks: 0, units: 0, ndc: 0, oimp: 0, workbook: emptyTally(), glasgow: emptyTally() };
      hosts.set(party, host);
    }
    host.blocks++;
    host.units += volume;
    if (forNdc) host.ndc += volume;
    else host.oimp += volume;

    const workbookYear = definition === 'Authorisation' ? authorizationYear : definition === 'Issuance' ? issuanceYear : null;
    const glasgowYear = definition === 'First international transfer' ? null : Math.max(authorizationYear, issuanceYear);
    const field = forNdc ? 'first_transferred' : 'oimp_first_transferred';
    if (workbookYear !== null) {
      add(host.workbook[field], workbookYear, volume);
      add(host.workbook.adjustment, vintage, volume);
    }
    if (glasgowYear !== null) {
      add(host.glasgow[field], glasgowYear, volume);
      add(host.glasgow.adjustment, vintage, volume);
    }
  }

  const result: Record<string, HostExpectation> = {};
  for (const party of [...hosts.keys()].sort()) {
    const host = hosts.get(party)!;
    const workbook = yearRows(host.workbook, (ft, oimp, adjustment, cumulative) => ({
      first_transferred: ft,
      oimp_first_transferred: oimp,
      used: 0,
      net: ft + oimp,
      adjustment,
      cumulative,
    }));
    const glasgowRows = yearRows(host.glasgow, (ft, oimp, adjustment, cumulative) => ({
      first_transferred: ft,
      oimp_first_transferred: oimp,
      used: 0,
      net: ft + oimp,
      acquired: 0,
      annual_adjustment: adjustment,
      average: null,
      adjustment,
      cumulative,
      inventory: null,
      emissions_balance: null,
      adjusted_target: null,
      a64_first_transferred: null,
      a64_used: null,
    }));
    result[party] = {
      name: host.name,
      blocks: host.blocks,
      units: host.units,
      units_ndc_and_oimp: host.ndc,
      units_oimp_only: host.oimp,
      units_first_transferred: sum(host.glasgow.adjustment),
      workbook: { years: workbook },
      glasgow: Object.keys(glasgowRows).length === 0 ? null : { method: 'trajectory', years: glasgowRows },
      differences: differences(workbook, glasgowRows),
    };
  }
  return {
    format: 'a6.a62-expected/1',
    source: { cutoff: snapshot.cutoff, version: snapshot.version, blocks: snapshot.n, units },
    history: 'examples/histories/a62-ca-tool-2026-08-14.ndjson',
    rulebook: 'examples/rulebooks/glasgow-2021.a6',
    hosts: result,
  };
}

function emptyTally(): Tally {
  return { first_transferred: new Map(), oimp_first_transferred: new Map(), adjustment: new Map() };
}

function add(map: Map<number, number>, year: number, volume: number): void {
  map.set(year, (map.get(year) ?? 0) + volume);
}

function sum(map: Map<number, number>): number {
  let total = 0;
  for (const value of map.values()) total += value;
  return total;
}

/** Every year from the first to the last with an entry, as the replay lists a Party without an NDC. */
function yearRows<Row>(tally: Tally, row: (ft: number, oimp: number, adjustment: number, cumulative: number) => Row): Record<string, Row> {
  const years = [...tally.first_transferred.keys(), ...tally.oimp_first_transferred.keys(), ...tally.adjustment.keys()];
  const rows: Record<string, Row> = {};
  if (years.length === 0) return rows;
  let cumulative = 0;
  for (let year = Math.min(...years); year <= Math.max(...years); year++) {
    const ft = tally.first_transferred.get(year) ?? 0;
    const oimp = tally.oimp_first_transferred.get(year) ?? 0;
    cumulative += ft + oimp;
    rows[String(year)] = row(ft, oimp, tally.adjustment.get(year) ?? 0, cumulative);
  }
  return rows;
}

function differences(workbook: Record<string, WorkbookYear>, glasgow: Record<string, GlasgowYear>): SummaryDifference[] {
  const years = [...new Set([...Object.keys(workbook), ...Object.keys(glasgow)])].sort();
  const found: SummaryDifference[] = [];
  for (const year of years) {
    for (const field of ['first_transferred', 'oimp_first_transferred', 'net', 'cumulative'] as const) {
      const a = workbook[year]?.[field] ?? 0;
      const b = glasgow[year]?.[field] ?? 0;
      if (a !== b) found.push({ year: Number(year), field, workbook: a, glasgow: b });
    }
  }
  return found;
}
