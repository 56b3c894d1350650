import type { RulebookDifference } from '@a6/dsl';
import type { EventType } from '../events/types.ts';

/**
 * How the candidate generator leans toward what differs: each step of a candidate history is drawn
 * with a weight, and the steps that produce an event type some observable difference reaches (its
 * `affects.events`: the triggers of a changed rule or levy, the events an option's accounting turns
 * on) weigh `GUIDED_FACTOR` times more. Everything else stays possible, so a difference that only
 * shows through an unexpected path is still found.
 */
export interface SearchGuide {
  /** Event types the differences reach, in docs/events.md's order. */
  readonly events: readonly EventType[];
}

export const GUIDED_FACTOR = 4;

export function searchGuide(differences: readonly RulebookDifference[]): SearchGuide {
  const reached = new Set<string>();
  for (const difference of differences) if (difference.observable) for (const type of difference.affects.events) reached.add(type);
  return { events: [...reached] as EventType[] };
}
