import { DEFAULT_METRIC } from '../accounting/accounting-book.ts';
import type { AefTableName, AefTables, AefWarning } from './aef-report.ts';

/** A column the history may leave blank, the fact that would fill it, and when it applies to a row. */
interface FactColumn<Row> {
  readonly column: keyof Row & string;
  readonly fact: string;
  readonly applies?: (row: Row) => boolean;
}

type Columns = { readonly [T in AefTableName]?: readonly FactColumn<AefTables[T][number]>[] };

const NO_CONVERSION = 'a conversion factor to tCO2e (the history records none)';

/** docs/aef.md "What is left blank": the columns filled from optional facts only. */
const FACT_COLUMNS: Columns = {
  T2: [
    { column: 'cooperative_approach', fact: 'AuthorizationIssued.cooperativeApproach or ActivityRegistered.cooperativeApproach' },
    { column: 'version', fact: 'AuthorizationIssued.version' },
    { column: 'quantity', fact: 'AuthorizationIssued.cap' },
    { column: 'metric', fact: 'AuthorizationIssued.metric (or units issued under it by the year end, all of one metric)' },
    { column: 'sector', fact: 'AuthorizationIssued.sector or ActivityRegistered.sector' },
    { column: 'activity_type', fact: 'AuthorizationIssued.activityType or ActivityRegistered.type' },
    { column: 'authorized_parties', fact: 'AuthorizationIssued.acquirers' },
    { column: 'oimp', fact: 'AuthorizationIssued.oimp', applies: (row) => row.purposes.split(';').includes('OIMP') },
    { column: 'timeframe', fact: 'AuthorizationIssued.vintages' },
    { column: 'terms', fact: 'AuthorizationIssued.terms' },
  ],
  T3: [
    { column: 'mitigation_type', fact: 'ActivityRegistered.mitigationType' },
    // GWP values are what a tCO2e figure is computed with; a non-GHG metric has none.
    { column: 'gwp', fact: 'ActivityRegistered.gwp', applies: (row) => row.metric === DEFAULT_METRIC },
    { column: 'quantity_tco2e', fact: NO_CONVERSION },
  ],
  T4: [{ column: 'quantity_tco2e', fact: NO_CONVERSION }],
};

/**
 * One `aef.missing_fact` warning per table and column with blank cells the history could have filled,
 * listing the rows (issue 13: a missing fact is left blank and listed, never invented).
 */
export function aefWarnings(tables: AefTables): AefWarning[] {
  const warnings: AefWarning[] = [];
  for (const table of ['T2', 'T3', 'T4'] as const) {
    const rows = tables[table] as readonly Record<string, unknown>[];
    for (const { column, fact, applies } of (FACT_COLUMNS[table] ?? []) as readonly FactColumn<Record<string, unknown>>[]) {
      const blank: number[] = [];
      rows.forEach((row, index) => {
        if (row[column] === null && (applies === undefined || applies(row))) blank.push(index + 1);
      });
      if (blank.length === 0) continue;
      warnings.push({
        code: 'aef.missing_fact',
        table,
        column,
        fact,
        rows: blank,
        message: `${table}.${column} is blank in ${blank.length} of ${rows.length} row${rows.length === 1 ? '' : 's'}: the history does not give ${fact}`,
      });
    }
  }
  return warnings;
}
