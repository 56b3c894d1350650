/**
 * Where the units of one issuance block are and what is true of them, as a sorted list of maximal
 * serial ranges with uniform attributes (never one record per unit: overview.md "Scale"). A split keeps
 * every attribute of its parent (domain.md §2: the UNDP registry lost "not yet first transferred" on
 * splits); neighbours with equal attributes merge back, so the list stays as short as the history allows.
 */

/** `holder` values that are not accounts: the unit has left circulation. */
export const USED = -1;
export const CANCELLED = -2;

export interface UnitAttributes {
  /** Account id (compact index) holding the units, or `USED` / `CANCELLED`. */
  readonly holder: number;
  /** Authorization id covering the units, `-1` when unauthorized. */
  readonly authorization: number;
  readonly firstTransferred: boolean;
  /** Taken by a levy: never first transferred or adjusted from then on (dsl.md, Levies). */
  readonly levied: boolean;
  /** International transfers so far, capped at 2 (only "none / one / more" matters: `a64.itmo`). */
  readonly internationalTransfers: number;
  /** Party (compact id) whose `on_acquisition` subtraction these units carry, `-1` when none. */
  readonly acquirer: number;
  /** The transferor's adjustment was booked (`on_transfer` books it once, at the first international transfer as ITMO). */
  readonly transferorBooked: boolean;
}

export interface UnitSegment extends UnitAttributes {
  readonly from: number;
  readonly to: number;
}

export function sameAttributes(a: UnitAttributes, b: UnitAttributes): boolean {
  return (
    a.holder === b.holder &&
    a.authorization === b.authorization &&
    a.firstTransferred === b.firstTransferred &&
    a.levied === b.levied &&
    a.internationalTransfers === b.internationalTransfers &&
    a.acquirer === b.acquirer &&
    a.transferorBooked === b.transferorBooked
  );
}

function attributesOf(segment: UnitAttributes): UnitAttributes {
  return {
    holder: segment.holder,
    authorization: segment.authorization,
    firstTransferred: segment.firstTransferred,
    levied: segment.levied,
    internationalTransfers: segment.internationalTransfers,
    acquirer: segment.acquirer,
    transferorBooked: segment.transferorBooked,
  };
}

/** The serial ranges of one block: contiguous, non-overlapping, covering `from..to` exactly. */
export class UnitRanges {
  private segments: UnitSegment[];

  constructor(
    readonly from: number,
    readonly to: number,
    attributes: UnitAttributes,
  ) {
    this.segments = [{ from, to, ...attributesOf(attributes) }];
  }

  get size(): number {
    return this.segments.length;
  }

  all(): readonly UnitSegment[] {
    return this.segments;
  }

  /** Index of the segment holding `serial` (which must lie within the block). */
  indexOf(serial: number): number {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.segments[mid]!.from <= serial) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /**
   * The segment at `index`; callers walk `indexOf(from)` onwards to cut a listed range into its
   * maximal uniform pieces (the *fragments* of dsl.md, Granularity) without allocating a callback.
   */
  at(index: number): UnitSegment | undefined {
    return this.segments[index];
  }

  /** Gives `from..to` the attributes `attributes`, splitting and merging as needed. */
  assign(from: number, to: number, attributes: UnitAttributes): void {
    const first = this.splitAt(from);
    const afterLast = to + 1 <= this.to ? this.splitAt(to + 1) : this.segments.length;
    const replacement: UnitSegment = { from, to, ...attributesOf(attributes) };
    this.segments.splice(first, afterLast - first, replacement);
    this.mergeAround(first);
  }

  /** Makes `serial` the start of a segment; returns that segment's index. */
  private splitAt(serial: number): number {
    const index = this.indexOf(serial);
    const segment = this.segments[index]!;
    if (segment.from === serial) return index;
    this.segments.splice(index, 1, { ...segment, to: serial - 1 }, { ...segment, from: serial });
    return index + 1;
  }

  private mergeAround(index: number): void {
    let at = index;
    const previous = this.segments[at - 1];
    const current = this.segments[at]!;
    if (previous !== undefined && sameAttributes(previous, current)) {
      this.segments.splice(at - 1, 2, { ...previous, to: current.to });
      at -= 1;
    }
    const merged = this.segments[at]!;
    const next = this.segments[at + 1];
    if (next !== undefined && sameAttributes(merged, next)) {
      this.segments.splice(at, 2, { ...merged, to: next.to });
    }
  }

  /** Structural invariants (used by tests and debug checks): contiguous, non-empty, maximal. */
  invariantViolation(): string | null {
    let expected = this.from;
    for (let index = 0; index < this.segments.length; index++) {
      const segment = this.segments[index]!;
      if (segment.from !== expected) return `segment ${index} starts at ${segment.from}, expected ${expected}`;
      if (segment.to < segment.from) return `segment ${index} is empty`;
      const previous = this.segments[index - 1];
      if (previous !== undefined && sameAttributes(previous, segment)) return `segments ${index - 1} and ${index} not merged`;
      expected = segment.to + 1;
    }
    return expected === this.to + 1 ? null : `segments end at ${expected - 1}, block ends at ${this.to}`;
  }
}
