/**
 * An evaluation that cannot go on (docs/language.md, "Expressions"): a none in arithmetic or ordering, division by
 * zero, a condition that is not true/false. Returned, not thrown, so a failing check costs no unwinding;
 * every operator passes it on and the check that sees it counts as failed with `reason` as the message.
 */
export class Stuck {
  constructor(readonly reason: string) {}
}

export function isStuck(value: unknown): value is Stuck {
  return value instanceof Stuck;
}
