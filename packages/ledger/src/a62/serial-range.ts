/**
 * The unit numbers a programme serial encodes (docs/domain.md §3, "Serial formats seen in the wild"):
 * - Gold Standard `GS1-1-TZ-GS11732-16-2022-25700-1-100`: issuance batch, then start–end last;
 * - Verra `18783-910564676-910573425-VCS-VCU-842-VER-MG-3-2311-01012024-30042024-1`: batch, start, end, …;
 * - ART `ART-GY-102-2021-11-2759599 to 2760598`.
 * `null` when the serial has none of these shapes (the caller then numbers the block 1..volume).
 */
export interface SerialRange {
  readonly from: number;
  readonly to: number;
}

const GOLD_STANDARD = /^GS\d+-\d+-[A-Z]{2}-GS\d+-\d+-\d{4}-\d+-(\d+)-(\d+)$/;
const VERRA = /^\d+-(\d+)-(\d+)-VCS-VCU-/;
const ART = /^ART-[A-Z]{2}-\d+-\d{4}-\d+-(\d+) to (\d+)$/;

export function serialRange(serial: string): SerialRange | null {
  const trimmed = serial.trim();
  const match = GOLD_STANDARD.exec(trimmed) ?? VERRA.exec(trimmed) ?? ART.exec(trimmed);
  if (match === null) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from) return null;
  return { from, to };
}
