export interface NiceScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/**
 * An axis domain that covers [low, high] with about `targetTicks` round ticks (1, 2, 2.5 or 5 × 10^k),
 * so labels read as numbers people would write. A flat range is widened around its value.
 */
export function niceScale(low: number, high: number, targetTicks = 5): NiceScale {
  let min = Math.min(low, high);
  let max = Math.max(low, high);
  // A flat (or float-noise-thin) range: one value, drawn mid-axis.
  if (max - min < 1e-9 * Math.max(1, Math.abs(max))) {
    const pad = Math.max(1, Math.abs(min) * 0.01);
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / Math.max(1, targetTicks);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  const start = Math.floor(min / step) * step;
  const end = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  // Ticks are computed from integers times the step so float drift does not print 0.30000000000000004.
  for (let index = 0; start + index * step <= end + step / 2; index++) ticks.push(roundTo(start + index * step, step));
  // Rounding a label can pull the end tick inside a data point by a hair; the domain still covers it.
  return { min: Math.min(ticks[0]!, min), max: Math.max(ticks.at(-1)!, max), step, ticks };
}

function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(Math.min(decimals, 20)));
}
