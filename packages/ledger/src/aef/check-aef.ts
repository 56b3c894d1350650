import { DEFAULT_METRIC } from '../accounting/accounting-book.ts';
import { unitsOf, type AefActionRow, type AefCell, type AefHoldingRow, type AefReport, type AefSummaryFigures, type AefTableName } from './aef-report.ts';

/** The pre-consistency checks (issue 13 Deliver 3; docs/aef.md "Checks"), each with a stable code. */
export type AefCheckCode =
  | 'aef.authorization_not_in_t2'
  | 'aef.already_first_transferred'
  | 'aef.units_not_held'
  | 'aef.vintage_outside_timeframe'
  | 'aef.above_authorized_quantity'
  | 'aef.holdings_mismatch'
  | 'aef.summary_mismatch';

export interface AefFinding {
  readonly code: AefCheckCode;
  readonly table: AefTableName;
  /** 1-based data row of `table` (the CSV line is `row + 1`); `null` for a table total. */
  readonly row: number | null;
  readonly message: string;
  readonly values: Readonly<Record<string, AefCell>>;
}

interface SerialRange {
  readonly block: string;
  readonly from: number;
  readonly to: number;
}

/** `BLOCK:SERIAL` → its parts (a block id may itself hold colons: the serial follows the last one). */
function serialOf(text: string): { block: string; serial: number } | null {
  const colon = text.lastIndexOf(':');
  const serial = Number(text.slice(colon + 1));
  return colon <= 0 || !Number.isSafeInteger(serial) ? null : { block: text.slice(0, colon), serial };
}

function rangeOf(row: AefActionRow): SerialRange | null {
  const first = serialOf(row.first_serial);
  const last = serialOf(row.last_serial);
  if (first === null || last === null || first.block !== last.block) return null;
  return { block: first.block, from: first.serial, to: last.serial };
}

const holdingKey = (row: Pick<AefHoldingRow, 'authorization' | 'vintage' | 'metric'>) => `${row.authorization}|${row.vintage}|${row.metric}`;

const heldUnits = (row: AefHoldingRow) => (row.metric === DEFAULT_METRIC ? row.quantity_tco2e : row.quantity_metric) ?? 0;

/**
 * Runs every pre-consistency check over the report's own cells (so it also judges a report that was
 * edited or produced elsewhere) and returns the findings in table order. No finding: the report may be
 * filed; `a6 aef --check` exits 1 on any.
 */
export function checkAef(report: AefReport): AefFinding[] {
  const findings: AefFinding[] = [];
  const { party } = report;
  const { T2, T3, T4 } = report.tables;
  const authorizations = new Map(T2.map((row, index) => [row.authorization, { row, index }]));

  const firstTransferred = new Map<string, SerialRange[]>();
  const firstTransferredUnder = new Map<string, number>();
  for (const range of report.reconciliation.first_transferred_before) {
    firstTransferred.set(range.block, [...(firstTransferred.get(range.block) ?? []), range]);
    const key = `${range.authorization}|${range.metric}`;
    firstTransferredUnder.set(key, (firstTransferredUnder.get(key) ?? 0) + range.to - range.from + 1);
  }
  const overCap = new Set<string>();
  const balance = new Map<string, number>();
  for (const row of report.reconciliation.opening_holdings) balance.set(holdingKey(row), (balance.get(holdingKey(row)) ?? 0) + heldUnits(row));
  const lastRowOf = new Map<string, number>();

  T3.forEach((row, index) => {
    const at = index + 1;
    const own = row.first_transferring_party === party;
    const authorization = authorizations.get(row.authorization);
    if (own && authorization === undefined) {
      findings.push({
        code: 'aef.authorization_not_in_t2',
        table: 'T3',
        row: at,
        message: `T3 row ${at} (${row.action} of ${row.underlying_ids}) names authorization ${row.authorization}, which is not in T2`,
        values: { authorization: row.authorization },
      });
    }
    if (own && row.action === 'first_transfer') {
      const range = rangeOf(row);
      if (range !== null) {
        const earlier = (firstTransferred.get(range.block) ?? []).find((other) => other.from <= range.to && range.from <= other.to);
        if (earlier !== undefined) {
          findings.push({
            code: 'aef.already_first_transferred',
            table: 'T3',
            row: at,
            message: `T3 row ${at} first transfers ${row.underlying_ids}, but ${range.block}:${Math.max(range.from, earlier.from)}-${Math.min(range.to, earlier.to)} were already first transferred`,
            values: { units: row.underlying_ids, earlier: `${earlier.block}:${earlier.from}-${earlier.to}` },
          });
        }
        firstTransferred.set(range.block, [...(firstTransferred.get(range.block) ?? []), range]);
      }
      const timeframe = authorization === undefined ? null : /^(\d{4})-(\d{4})$/.exec(authorization.row.timeframe ?? '');
      if (timeframe !== null && (row.vintage < Number(timeframe[1]) || row.vintage > Number(timeframe[2]))) {
        findings.push({
          code: 'aef.vintage_outside_timeframe',
          table: 'T3',
          row: at,
          message: `T3 row ${at} first transfers vintage ${row.vintage} under ${row.authorization}, whose timeframe is ${authorization!.row.timeframe}`,
          values: { authorization: row.authorization, vintage: row.vintage, timeframe: authorization!.row.timeframe },
        });
      }
      const under = `${row.authorization}|${row.metric}`;
      const total = (firstTransferredUnder.get(under) ?? 0) + unitsOf(row);
      firstTransferredUnder.set(under, total);
      const cap = authorization?.row.quantity ?? null;
      // A cap is a quantity in T2's metric: rows in another metric (or a blank one) cannot be held against it.
      const sameMetric = authorization?.row.metric === row.metric;
      if (cap !== null && sameMetric && total > cap && !overCap.has(row.authorization)) {
        overCap.add(row.authorization);
        findings.push({
          code: 'aef.above_authorized_quantity',
          table: 'T3',
          row: at,
          message: `T3 row ${at} brings the units first transferred under ${row.authorization} to ${total}, above its authorized quantity ${cap} (T2 row ${authorization!.index + 1})`,
          values: { authorization: row.authorization, first_transferred: total, quantity: cap },
        });
      }
    }
    const key = holdingKey(row);
    lastRowOf.set(key, at);
    const held = balance.get(key) ?? 0;
    balance.set(key, held + row.holding_change);
    if (row.holding_change < 0 && held + row.holding_change < 0) {
      findings.push({
        code: 'aef.units_not_held',
        table: 'T3',
        row: at,
        message: `T3 row ${at} (${row.action}) takes ${-row.holding_change} units of ${row.authorization}, vintage ${row.vintage}, from holdings of ${held}`,
        values: { authorization: row.authorization, vintage: row.vintage, metric: row.metric, held, change: row.holding_change },
      });
    }
  });

  // Opening holdings + T3's changes = T4, per authorization, vintage and metric (accounts may move units among themselves).
  const closing = new Map<string, { units: number; row: number }>();
  T4.forEach((row, index) => {
    const entry = closing.get(holdingKey(row));
    closing.set(holdingKey(row), { units: (entry?.units ?? 0) + heldUnits(row), row: entry?.row ?? index + 1 });
  });
  for (const key of [...new Set([...balance.keys(), ...closing.keys()])].sort()) {
    const expected = balance.get(key) ?? 0;
    const held = closing.get(key);
    if (expected === (held?.units ?? 0)) continue;
    const [authorization, vintage, metric] = key.split('|') as [string, string, string];
    findings.push({
      code: 'aef.holdings_mismatch',
      table: held === undefined ? 'T3' : 'T4',
      row: held?.row ?? lastRowOf.get(key) ?? null,
      message: `${authorization}, vintage ${vintage} (${metric}): opening holdings and T3's changes give ${expected}, T4 holds ${held?.units ?? 0}`,
      values: { authorization, vintage: Number(vintage), metric, expected, held: held?.units ?? 0 },
    });
  }

  findings.push(...summaryFindings(report, authorizations));
  return findings;
}

/** T3 (plus the actions booked to the year but dated in another) against the structured summary's rows 5–7. */
function summaryFindings(report: AefReport, authorizations: ReadonlyMap<string, { row: { purposes: string } }>): AefFinding[] {
  const { party, year } = report;
  const tally = new Map<string, { t3: AefSummaryFigures; other: AefSummaryFigures }>();
  const zero = (): AefSummaryFigures => ({ first_transferred: 0, oimp_first_transferred: 0, used: 0 });
  const add = (row: AefActionRow, side: 't3' | 'other') => {
    if (row.summary_year !== year) return;
    let field: keyof AefSummaryFigures | null = null;
    if (row.action === 'first_transfer' && row.first_transferring_party === party) {
      const purposes = authorizations.get(row.authorization)?.row.purposes;
      if (purposes === undefined) return;
      field = purposes.split(';').includes('NDC') ? 'first_transferred' : 'oimp_first_transferred';
    } else if (row.action === 'use_ndc' && row.using_party_or_entity === party) field = 'used';
    if (field === null) return;
    const entry = tally.get(row.metric) ?? { t3: zero(), other: zero() };
    entry[side] = { ...entry[side], [field]: entry[side][field] + unitsOf(row) };
    tally.set(row.metric, entry);
  };
  for (const row of report.tables.T3) add(row, 't3');
  for (const row of report.reconciliation.other_years) add(row, 'other');

  const findings: AefFinding[] = [];
  const metrics = [...new Set([...Object.keys(report.reconciliation.summary), ...tally.keys()])].sort();
  for (const metric of metrics) {
    const summary = report.reconciliation.summary[metric] ?? zero();
    const { t3, other } = tally.get(metric) ?? { t3: zero(), other: zero() };
    for (const field of ['first_transferred', 'oimp_first_transferred', 'used'] as const) {
      if (t3[field] + other[field] === summary[field]) continue;
      findings.push({
        code: 'aef.summary_mismatch',
        table: 'T3',
        row: null,
        message: `${field} ${year} (${metric}): T3 gives ${t3[field]}${other[field] === 0 ? '' : ` + ${other[field]} dated in other years`}, the structured summary ${summary[field]}`,
        values: { metric, field, t3: t3[field], other_years: other[field], summary: summary[field] },
      });
    }
  }
  return findings;
}
