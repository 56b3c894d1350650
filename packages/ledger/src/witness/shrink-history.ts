import type { HistoryEvent, UnitRange } from '../events/types.ts';
import { checkHistoryEvents } from './witness-ndjson.ts';

export interface ShrinkOptions {
  /** Whether a valid history still shows the rulebooks disagreeing (one compare pass). */
  readonly disagrees: (events: readonly HistoryEvent[]) => boolean;
  /** At most this many calls of `disagrees`. */
  readonly maxReplays: number;
  /** Checked before every replay: true stops the shrinking where it is. */
  readonly outOfTime?: () => boolean;
}

export interface ShrinkResult {
  readonly events: readonly HistoryEvent[];
  /** Calls of `disagrees` made. */
  readonly replays: number;
  /** Shrinking steps taken (each made the history smaller or simpler and kept the disagreement). */
  readonly steps: number;
  /**
   * True when no step applies any more: removing any single event then makes the disagreement vanish
   * or the history invalid. False when the replay or time budget ran out first.
   */
  readonly complete: boolean;
}

/**
 * Deterministic delta debugging of a history on which two rulebooks disagree (the shrinking of
 * property-based testing, on a history): first fewer events — halves, quarters, … single events,
 * latest first, and an event whose removal leaves later events pointing at nothing takes them along
 * (so a Party leaves with its registry, accounts and units) — then smaller unit ranges (a block issued
 * smaller, or renumbered from 1; a move of fewer units), fewer optional fields, events moved earlier;
 * repeated until nothing applies. Every step keeps the history valid (the import checks) and the disagreement.
 */
export function shrinkHistory(events: readonly HistoryEvent[], options: ShrinkOptions): ShrinkResult {
  return new Shrinker(options).run(events);
}

class BudgetSpent extends Error {}

class Shrinker {
  private replays = 0;
  private steps = 0;
  private current: readonly HistoryEvent[] = [];

  constructor(private readonly options: ShrinkOptions) {}

  run(events: readonly HistoryEvent[]): ShrinkResult {
    this.current = events;
    try {
      for (let changed = true; changed; ) {
        changed = this.removeEvents();
        changed = this.shrinkBlocks() || changed;
        changed = this.shrinkMoves() || changed;
        changed = this.dropOptionalFields() || changed;
        changed = this.compressDates() || changed;
      }
      return { events: this.current, replays: this.replays, steps: this.steps, complete: true };
    } catch (error) {
      if (!(error instanceof BudgetSpent)) throw error;
      return { events: this.current, replays: this.replays, steps: this.steps, complete: false };
    }
  }

  /** Takes `candidate` (repaired of dangling references) when it is valid and still disagrees. */
  private attempt(candidate: readonly HistoryEvent[]): boolean {
    const repaired = withoutDanglingEvents(candidate);
    if (repaired === null || repaired.length === 0) return false;
    if (this.replays >= this.options.maxReplays || this.options.outOfTime?.() === true) throw new BudgetSpent();
    this.replays += 1;
    if (!this.options.disagrees(repaired)) return false;
    this.current = repaired;
    this.steps += 1;
    return true;
  }

  private removeEvents(): boolean {
    let changed = false;
    for (let chunk = Math.ceil(this.current.length / 2); chunk >= 1; chunk = chunk === 1 ? 0 : Math.ceil(chunk / 2)) {
      for (let start = this.current.length - chunk; start >= 0; start--) {
        const candidate = [...this.current.slice(0, start), ...this.current.slice(start + chunk)];
        if (this.attempt(candidate)) {
          changed = true;
          start = Math.min(start, this.current.length - chunk + 1);
        }
      }
    }
    return changed;
  }

  private shrinkBlocks(): boolean {
    let changed = false;
    for (let index = 0; index < this.current.length; index++) {
      const event = this.current[index]!;
      if (event.type !== 'UnitsIssued') continue;
      const { block, from, to } = event.data;
      const size = to - from + 1;
      for (const smaller of [1, 2, Math.floor(size / 2)]) {
        if (smaller >= size) continue;
        if (this.attempt(resizeBlock(this.current, block, from + smaller - 1))) {
          changed = true;
          break;
        }
      }
      const issued = this.current[index];
      if (issued?.type === 'UnitsIssued' && issued.data.block === block && issued.data.from > 1) changed = this.attempt(renumberBlock(this.current, block, issued.data.from - 1)) || changed;
    }
    return changed;
  }

  private shrinkMoves(): boolean {
    let changed = false;
    for (let index = 0; index < this.current.length; index++) {
      const ranges = movedRanges(this.current[index]!);
      for (let position = 0; ranges !== null && position < ranges.length; position++) {
        const { from, to } = ranges[position]!;
        const size = to - from + 1;
        if (size === 1) continue;
        const half = Math.floor(size / 2);
        for (const [lower, upper] of [[from, from], [from, from + half - 1], [to - half + 1, to]] as const) {
          if (this.attempt(withRange(this.current, index, position, lower, upper))) {
            changed = true;
            break;
          }
        }
      }
    }
    return changed;
  }

  /** Each event as early as the disagreement allows: the day of the event before it, else halfway there. */
  private compressDates(): boolean {
    let changed = false;
    for (let index = 1; index < this.current.length; index++) {
      for (;;) {
        const previous = this.current[index - 1]!.at;
        const at = this.current[index]!.at;
        const half = midway(previous, at);
        if (at.slice(0, 10) === previous.slice(0, 10)) break;
        if (this.attempt(withDate(this.current, index, previous))) changed = true;
        else if (half > previous.slice(0, 10) && half < at.slice(0, 10) && this.attempt(withDate(this.current, index, half))) changed = true;
        else break;
      }
    }
    return changed;
  }

  private dropOptionalFields(): boolean {
    let changed = false;
    for (let index = 0; index < this.current.length; index++) {
      for (const path of optionalFields(this.current[index]!)) {
        const candidate = [...this.current];
        candidate[index] = withoutField(this.current[index]!, path);
        if (this.attempt(candidate)) changed = true;
      }
    }
    return changed;
  }
}

/**
 * An event moved back to `at` (no earlier than the event before it, so dates never decrease). Fewer
 * years then elapse between the events, and a witness has fewer summary rows.
 */
function withDate(events: readonly HistoryEvent[], index: number, at: string): HistoryEvent[] {
  const copy = [...events];
  copy[index] = { ...events[index]!, at } as HistoryEvent;
  return copy;
}

/** The day halfway between two dates (`YYYY-MM-DD`), rounded down. */
function midway(from: string, to: string): string {
  const day = (date: string): number => Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / 86_400_000;
  return new Date(Math.floor((day(from) + day(to)) / 2) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The history without the events whose references dangle (`history.unknown_reference`: an account,
 * Party, activity, block or authorization no earlier event opens), repeatedly; `null` when the
 * history has any other import issue.
 */
function withoutDanglingEvents(events: readonly HistoryEvent[]): readonly HistoryEvent[] | null {
  let current = events;
  for (;;) {
    const checked = checkHistoryEvents(current);
    if (checked.ok) return checked.events;
    if (checked.issues.some((issue) => issue.code !== 'history.unknown_reference' || issue.line === undefined)) return null;
    const dangling = new Set(checked.issues.map((issue) => issue.line! - 1));
    current = current.filter((_, index) => !dangling.has(index));
  }
}

function movedRanges(event: HistoryEvent): readonly UnitRange[] | null {
  return event.type === 'UnitsTransferred' || event.type === 'UnitsUsed' || event.type === 'UnitsCancelled' ? event.data.units : null;
}

function withUnits(event: HistoryEvent, units: UnitRange[]): HistoryEvent {
  return { ...event, data: { ...event.data, units } } as HistoryEvent;
}

/** Block `block` issued up to `to`: ranges of it beyond are cut, and moves left with no range dropped. */
function resizeBlock(events: readonly HistoryEvent[], block: string, to: number): HistoryEvent[] {
  const resized: HistoryEvent[] = [];
  for (const event of events) {
    if (event.type === 'UnitsIssued' && event.data.block === block) {
      resized.push({ ...event, data: { ...event.data, to } });
      continue;
    }
    const ranges = movedRanges(event);
    if (ranges === null || !ranges.some((range) => range.block === block)) {
      resized.push(event);
      continue;
    }
    const kept = ranges.flatMap((range) => (range.block !== block ? [range] : range.from > to ? [] : [{ ...range, to: Math.min(range.to, to) }]));
    if (kept.length > 0) resized.push(withUnits(event, kept));
  }
  return resized;
}

/** Block `block` with every serial lowered by `offset` (serials are per block, so it is the same block). */
function renumberBlock(events: readonly HistoryEvent[], block: string, offset: number): HistoryEvent[] {
  return events.map((event) => {
    if (event.type === 'UnitsIssued' && event.data.block === block) return { ...event, data: { ...event.data, from: event.data.from - offset, to: event.data.to - offset } };
    const ranges = movedRanges(event);
    if (ranges === null || !ranges.some((range) => range.block === block)) return event;
    return withUnits(event, ranges.map((range) => (range.block === block ? { ...range, from: range.from - offset, to: range.to - offset } : range)));
  });
}

function withRange(events: readonly HistoryEvent[], index: number, position: number, from: number, to: number): HistoryEvent[] {
  const copy = [...events];
  const ranges = [...movedRanges(events[index]!)!];
  ranges[position] = { ...ranges[position]!, from, to };
  copy[index] = withUnits(events[index]!, ranges);
  return copy;
}

/** Fields docs/events.md marks optional, as paths under `data` (an NDC's own optional fields under `ndc`). */
const OPTIONAL_FIELDS: Readonly<Partial<Record<HistoryEvent['type'], readonly string[]>>> = {
  PartyJoined: ['groups'],
  NdcCommunicated: ['ndc.id', 'ndc.targetYear', 'ndc.target', 'ndc.sectors', 'ndc.gases', 'ndc.method', 'ndc.trajectory'],
  RegistryOpened: ['name'],
  AccountOpened: ['party'],
  ActivityRegistered: ['standard', 'title', 'sector', 'type', 'gases', 'inNdc', 'registeredOn', 'crediting', 'approvals'],
  ActivityTransitioned: ['hostApprovedOn'],
  AuthorizationIssued: ['cooperativeApproach', 'firstTransfer', 'acquirers', 'cap', 'vintages'],
  AuthorizationRevoked: ['reason'],
  UnitsIssued: ['metric', 'authorization'],
  UnitsUsed: ['year'],
};

function optionalFields(event: HistoryEvent): string[] {
  const data = event.data as Record<string, unknown>;
  return (OPTIONAL_FIELDS[event.type] ?? []).filter((path) => {
    const [head, tail] = path.split('.') as [string, string | undefined];
    const value = data[head];
    return tail === undefined ? value !== undefined : value !== null && typeof value === 'object' && (value as Record<string, unknown>)[tail] !== undefined;
  });
}

function withoutField(event: HistoryEvent, path: string): HistoryEvent {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const data = { ...(event.data as Record<string, unknown>) };
  if (tail === undefined) delete data[head];
  else {
    const nested = { ...(data[head] as Record<string, unknown>) };
    delete nested[tail];
    data[head] = nested;
  }
  return { ...event, data } as HistoryEvent;
}
