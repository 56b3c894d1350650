/**
 * Axis ticks at "nice" steps (1, 2, 5 × 10^k) covering `[min, max]`, about `count` of them; the first
 * and last tick bound the axis. A flat range is widened so a single value still gets an axis.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.01;
    low -= pad;
    high += pad;
  }
  const rough = (high - low) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / magnitude;
  const step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  const ticks: number[] = [];
  // Multiply rather than accumulate (no 0.30000000000000004 on an axis); `+ 0` turns -0 into 0.
  for (let index = first; index <= last; index++) ticks.push(Number((index * step).toPrecision(12)) + 0);
  return ticks;
}
