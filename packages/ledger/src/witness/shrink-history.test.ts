import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../events/types.ts';
import { createPrng } from '../gen/prng.ts';
import { generateCandidate } from './candidate-history.ts';
import { shrinkHistory } from './shrink-history.ts';
import { checkHistoryEvents } from './witness-ndjson.ts';

/** A stand-in for "the rulebooks disagree": some transfer moves at least 2 units out of a national registry. */
const movesTwoNationalUnits = (events: readonly HistoryEvent[]): boolean =>
  events.some((event) => event.type === 'UnitsTransferred' && event.data.from.includes('-NR:') && event.data.units.some((range) => range.to - range.from >= 1));

function historyWith(predicate: (events: readonly HistoryEvent[]) => boolean): HistoryEvent[] {
  for (let index = 0; ; index++) {
    const events = generateCandidate({ prng: createPrng(`shrink/${index}`), events: 24, guide: { events: ['UnitsTransferred'] } });
    if (predicate(events)) return events;
  }
}

describe('shrinkHistory', () => {
  it('keeps the history valid and the property, and ends 1-minimal: removing any one event breaks one or the other', () => {
    const original = historyWith(movesTwoNationalUnits);
    const result = shrinkHistory(original, { disagrees: movesTwoNationalUnits, maxReplays: 5_000 });
    expect(result.complete).toBe(true);
    expect(result.events.length).toBeLessThan(original.length);
    expect(checkHistoryEvents(result.events).ok).toBe(true);
    expect(movesTwoNationalUnits(result.events)).toBe(true);
    result.events.forEach((_, index) => {
      const without = result.events.filter((__, other) => other !== index);
      expect(checkHistoryEvents(without).ok && movesTwoNationalUnits(without)).toBe(false);
    });
    // Smaller ranges too: the block issued is cut to the two units the property needs, from serial 1.
    const issued = result.events.filter((event) => event.type === 'UnitsIssued');
    expect(issued.map((event) => [event.data.from, event.data.to])).toEqual([[1, 2]]);
    // The property reads the history only (no replay), so it needs the block issued, not held: any account opens.
    expect(result.events.map((event) => event.type)).toEqual([
      'PartyJoined', 'PartyJoined', 'ActivityRegistered', 'RegistryOpened', 'AccountOpened', 'UnitsIssued',
      'RegistryOpened', 'AccountOpened', 'RegistryOpened', 'AccountOpened', 'UnitsTransferred',
    ]);
  });

  it('stops where it is when the replay budget runs out, still valid and still showing the property', () => {
    const original = historyWith(movesTwoNationalUnits);
    const result = shrinkHistory(original, { disagrees: movesTwoNationalUnits, maxReplays: 3 });
    expect(result).toMatchObject({ complete: false, replays: 3 });
    expect(checkHistoryEvents(result.events).ok && movesTwoNationalUnits(result.events)).toBe(true);
  });

  it('is deterministic', () => {
    const original = historyWith(movesTwoNationalUnits);
    expect(shrinkHistory(original, { disagrees: movesTwoNationalUnits, maxReplays: 5_000 })).toEqual(shrinkHistory(original, { disagrees: movesTwoNationalUnits, maxReplays: 5_000 }));
  });
});
