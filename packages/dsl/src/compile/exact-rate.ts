import type { Rounding } from '../ast/ast.ts';
import type { ExactRate } from './compiled-rulebook.ts';

/**
 * The exact rate of a percent literal's text: `5` → 5/100, `2.5` → 25/1000. Levies are computed on
 * exact decimals, never binary floating point (docs/language.md, "`levy`").
 */
export function exactRate(percentText: string): ExactRate {
  const text = percentText.replace(/_/g, '');
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new RangeError(`exactRate: '${percentText}' is not a decimal`);
  const decimals = match[2] ?? '';
  return {
    numerator: BigInt(match[1]! + decimals),
    denominator: 100n * 10n ** BigInt(decimals.length),
  };
}

/** `round(rate × quantity)`: `down` floors, `up` ceils, `nearest` rounds half up. */
export function levyAmount(rate: ExactRate, rounding: Rounding, quantity: number): number {
  if (!Number.isSafeInteger(quantity) || quantity < 0) throw new RangeError(`levyAmount: quantity ${quantity} is not a non-negative integer`);
  const product = rate.numerator * BigInt(quantity);
  const { denominator } = rate;
  switch (rounding) {
    case 'down':
      return Number(product / denominator);
    case 'up':
      return Number((product + denominator - 1n) / denominator);
    case 'nearest':
      return Number((2n * product + denominator) / (2n * denominator));
  }
}

/** Whether exact rates add up to more than 100% (`dsl.levy_over_100`). */
export function ratesExceedWhole(rates: readonly ExactRate[]): boolean {
  let numerator = 0n;
  let denominator = 1n;
  for (const rate of rates) {
    numerator = numerator * rate.denominator + rate.numerator * denominator;
    denominator *= rate.denominator;
  }
  return numerator > denominator;
}
