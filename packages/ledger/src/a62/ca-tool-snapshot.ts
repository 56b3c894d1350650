import { z } from 'zod';
import type { A62Issue, A62Result } from './a62-issue.ts';

/**
 * The Article 6.2 Corresponding Adjustments Reporting Tool snapshot (examples/data/README.md): a compact
 * columnar JSON where row `i` is one authorized credit block and small-integer columns index the
 * dictionary of the same name in `d`.
 */
export interface CaToolBlock {
  /** 0-based row in the snapshot. */
  readonly row: number;
  readonly programme: 'GS' | 'Verra';
  readonly projectId: string;
  readonly volume: number;
  /** The programme's serial exactly as published (one has a trailing space). */
  readonly serial: string;
  readonly vintage: number;
  /** Country name as the workbook spells it (`Lao`, `Sierra Leone`). */
  readonly country: string;
  /** `Authorisation`, `Issuance` or `First international transfer`, as published. */
  readonly firstTransferDefinition: string;
  readonly authorizationYear: number;
  /** `YYYY-MM-DD`. */
  readonly issuanceDate: string;
  readonly issuanceYear: number;
  /** true: authorized for NDC use and OIMP; false: OIMP only. */
  readonly ndc: boolean;
  readonly oimp: boolean;
  /** Authorization / CA record id, `null` where the workbook says `NA`. */
  readonly caRecord: string | null;
  /** Listed on the UNFCCC CARP. */
  readonly carp: boolean;
  readonly url: string | null;
}

export interface CaToolNote {
  readonly country: string;
  readonly note: string;
  readonly sources: string | null;
}

export interface CaToolSnapshot {
  readonly cutoff: string;
  readonly version: string;
  readonly blocks: readonly CaToolBlock[];
  /** Table 4 row explanations, keyed by workbook row, kept for provenance. */
  readonly rowmeta: Readonly<Record<string, unknown>>;
  readonly notes: readonly CaToolNote[];
}

const flag = z.union([z.literal(0), z.literal(1)]);
const index = z.number().int();
const year = z.number().int().min(1990).max(2100);

const snapshotShape = z.object({
  cutoff: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  version: z.string(),
  n: z.number().int().nonnegative(),
  d: z.object({
    prog: z.array(z.string()),
    cty: z.array(z.string()),
    ftd: z.array(z.string()),
    ca: z.array(z.string()),
    url: z.array(z.string()),
  }),
  c: z.object({
    prog: z.array(index),
    pid: z.array(z.string().min(1)),
    vol: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
    sn: z.array(z.string().min(1)),
    vin: z.array(year),
    cty: z.array(index),
    ftd: z.array(index),
    ay: z.array(year),
    idt: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
    iy: z.array(year),
    ndc: z.array(flag),
    oimp: z.array(flag),
    ca: z.array(index),
    carp: z.array(flag),
    url: z.array(index),
  }),
  rowmeta: z.record(z.string(), z.unknown()),
  notes: z.array(z.object({ country: z.string(), note: z.string(), sources: z.string().nullable() })),
});

const PROGRAMMES = ['GS', 'Verra'] as const;

/** Validates the columnar snapshot and decodes it into one record per block. */
export function decodeCaToolSnapshot(json: unknown): A62Result<CaToolSnapshot> {
  const parsed = snapshotShape.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 100).map((issue) => ({
        code: 'a62.bad_snapshot' as const,
        row: null,
        path: issue.path.join('.') || '(root)',
        message: issue.message,
      })),
    };
  }
  const { d, c, n } = parsed.data;
  const issues: A62Issue[] = [];
  for (const [name, column] of Object.entries(c)) {
    if (column.length !== n) {
      issues.push({ code: 'a62.bad_snapshot', row: null, path: `c.${name}`, message: `column has ${column.length} rows, n says ${n}` });
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const lookup = (dictionary: keyof typeof d, row: number, value: number, optional = false): string | null => {
    if (optional && value === -1) return null;
    const entry = d[dictionary][value];
    if (entry === undefined) {
      issues.push({ code: 'a62.bad_index', row, path: `c.${dictionary}.${row}`, message: `index ${value} is outside d.${dictionary} (${d[dictionary].length} entries)` });
      return null;
    }
    return entry;
  };

  const blocks: CaToolBlock[] = [];
  for (let row = 0; row < n; row++) {
    const programme = lookup('prog', row, c.prog[row]!);
    const country = lookup('cty', row, c.cty[row]!);
    const firstTransferDefinition = lookup('ftd', row, c.ftd[row]!);
    const caRecord = lookup('ca', row, c.ca[row]!);
    const url = lookup('url', row, c.url[row]!, true);
    if (programme === null || country === null || firstTransferDefinition === null || caRecord === null) continue;
    if (!(PROGRAMMES as readonly string[]).includes(programme)) {
      issues.push({ code: 'a62.bad_snapshot', row, path: `c.prog.${row}`, message: `unknown programme '${programme}' (expected GS or Verra)` });
      continue;
    }
    blocks.push({
      row,
      programme: programme as CaToolBlock['programme'],
      projectId: c.pid[row]!,
      volume: c.vol[row]!,
      serial: c.sn[row]!,
      vintage: c.vin[row]!,
      country,
      firstTransferDefinition,
      authorizationYear: c.ay[row]!,
      issuanceDate: c.idt[row]!,
      issuanceYear: c.iy[row]!,
      ndc: c.ndc[row] === 1,
      oimp: c.oimp[row] === 1,
      // The workbook writes `NA` where no authorization / CA record id was given.
      caRecord: caRecord === 'NA' ? null : caRecord,
      carp: c.carp[row] === 1,
      url,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { cutoff: parsed.data.cutoff, version: parsed.data.version, blocks, rowmeta: parsed.data.rowmeta, notes: parsed.data.notes },
  };
}
