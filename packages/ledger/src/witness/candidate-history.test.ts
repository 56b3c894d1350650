import { describe, expect, it } from 'vitest';
import { decodeHistoryLines } from '../events/decode-history.ts';
import { EVENT_TYPES } from '../events/types.ts';
import { createPrng } from '../gen/prng.ts';
import { generateCandidate } from './candidate-history.ts';
import { searchGuide, type SearchGuide } from './search-guide.ts';
import { checkHistoryEvents, historyNdjson } from './witness-ndjson.ts';

const unguided: SearchGuide = { events: [] };

describe('generateCandidate', () => {
  it('every candidate, of every size, passes the import checks — in memory and as an imported NDJSON file', async () => {
    for (let index = 0; index < 150; index++) {
      const events = generateCandidate({ prng: createPrng(`valid/${index}`), events: 1 + (index % 30), guide: unguided });
      expect(events).toHaveLength(1 + (index % 30));
      const checked = checkHistoryEvents(events);
      expect(checked.ok ? [] : checked.issues).toEqual([]);
      const imported = await decodeHistoryLines(historyNdjson(events).split('\n'));
      expect(imported.ok ? imported.events : imported.issues).toEqual(events);
    }
  });

  it('is deterministic for a seed, and another seed gives another history', () => {
    const one = generateCandidate({ prng: createPrng('same'), events: 24, guide: unguided });
    expect(generateCandidate({ prng: createPrng('same'), events: 24, guide: unguided })).toEqual(one);
    expect(generateCandidate({ prng: createPrng('other'), events: 24, guide: unguided })).not.toEqual(one);
  });

  it('over many candidates uses every event type a rulebook can see (a6 gen vocabulary)', () => {
    const seen = new Set<string>();
    for (let index = 0; index < 200; index++) for (const event of generateCandidate({ prng: createPrng(`mix/${index}`), events: 24, guide: unguided })) seen.add(event.type);
    expect(EVENT_TYPES.filter((type) => !seen.has(type))).toEqual(['RulebookAdopted', 'TransactionDecided']);
  });

  it('a guide toward transitions draws ActivityTransitioned more often', () => {
    const count = (guide: SearchGuide): number => {
      let transitions = 0;
      for (let index = 0; index < 100; index++) {
        for (const event of generateCandidate({ prng: createPrng(`guide/${index}`), events: 24, guide })) if (event.type === 'ActivityTransitioned') transitions++;
      }
      return transitions;
    };
    const guided = searchGuide([{ kind: 'rule', change: 'removed', name: 'cdm_window', aspects: [], a: null, b: null, observable: true, affects: { triggers: ['transition'], events: ['ActivityTransitioned'] } }]);
    expect(guided.events).toEqual(['ActivityTransitioned']);
    expect(count(guided)).toBeGreaterThan(2 * count(unguided));
  });
});
