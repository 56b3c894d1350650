import type { Trigger } from '../ast/ast.ts';

/** What each trigger means (docs/language.md, Triggers and Granularity): the event it fires on and how often. */
export const TRIGGER_DOCS: Readonly<Record<Trigger, string>> = {
  registration: 'Fires on `ActivityRegistered`, once per event.',
  transition: 'Fires on `ActivityTransitioned` (a CDM activity moving to 6.4, Decision 3/CMA.3 annex), once per event.',
  authorization: 'Fires on `AuthorizationIssued`, once per event.',
  revocation: 'Fires on `AuthorizationRevoked`, once per event.',
  issuance: 'Fires on `UnitsIssued`, once per unit fragment (a unit trigger: levies allowed).',
  transfer: 'Fires on `UnitsTransferred`, once per unit fragment (a unit trigger).',
  international_transfer:
    'Fires on a `UnitsTransferred` between accounts of two different Parties (both accounts must have a Party), once per unit fragment.',
  first_transfer:
    "Derived: fires for each unit range at the moment it becomes first transferred under this rulebook's `first_transfer.*` options (2/CMA.3 annex para 2(b)); only on the units the levies left.",
  use: 'Fires on `UnitsUsed`, once per unit fragment (a unit trigger).',
  cancellation: 'Fires on `UnitsCancelled`, once per unit fragment (a unit trigger).',
  inventory: 'Fires on `InventoryReported`, once per event.',
};

/** One line per keyword (docs/language.md, Grammar and Meaning), shown on hover. */
export const KEYWORD_DOCS: Readonly<Record<string, string>> = {
  rulebook: 'Declares a rulebook: a named set of options, levies, rules and lets. `rulebook NAME [extends PARENT] ["title"] { … }`',
  extends: "Starts from the parent's options, levies, rules and lets; a member with the same name replaces the parent's.",
  import: 'Makes the rulebooks of another file visible; the path is relative to this file.',
  cite: 'Records the decision text the rulebook implements (shown in reports).',
  option: 'Sets one of the engine\'s accounting elections: `option NAME = VALUE`.',
  levy: 'Takes a share of moving units at a unit trigger: `levy NAME 5% [rounded up|down|nearest] on TRIGGER [where …] (to ACCOUNT | cancel)`.',
  rule: 'A typed check on transactions at one or more triggers: `rule NAME ["title"] on T1, T2 [where …] { require … }`.',
  remove: 'Drops an inherited rule or levy: `remove rule NAME` / `remove levy NAME`.',
  let: 'Names a constant or an expression over the context, evaluated where it is used.',
  on: 'Introduces the trigger(s) a rule or levy runs at.',
  where: 'A condition: the rule or levy applies only where it is true (a rule whose where cannot be evaluated applies and fails; a levy takes nothing).',
  require: 'A check that must hold: if it fails for any range, the whole event is rejected.',
  expect: 'A check recorded as a finding when it fails; the event still takes effect.',
  else: 'The message of a failed check; `{expr}` interpolates an expression, `{{` is a literal brace.',
  rounded: 'How a levy rounds `percent × quantity`: `up` ("at least"), `down` (default, as registries do) or `nearest` (half up).',
  up: 'Round the levy up (write it where the decision says "at least").',
  down: 'Round the levy down (the default).',
  nearest: 'Round the levy half up.',
  to: 'Moves the levied units to the levy account `LEVY:NAME`.',
  cancel: 'Cancels the levied units (reason `omge`).',
  and: 'True when both sides are; the right side is evaluated only when needed.',
  or: 'True when either side is; the right side is evaluated only when needed.',
  not: 'Negation; `not in` tests that a value is not in a list.',
  in: 'Tests that a value is in a list (fails closed on none).',
  true: 'The boolean true.',
  false: 'The boolean false.',
  none: 'The absent value; member access on none yields none, `==`/`!=` compare with it like any value.',
};

/**
 * The seed paper's option items (docs/domain.md §1) that an option expresses, in a line each, for hovers.
 */
export const SEED_ITEMS: Readonly<Record<string, string>> = {
  '3(a)': 'Corresponding adjustments, object: adjust the NDC target level ("pre-emissions") vs the emissions inventory (the adopted "emissions balance").',
  '3(b)': 'Corresponding adjustments, timing: after the buyer uses the ITMOs vs after transfer whether used or not.',
  '3(c)': 'Corresponding adjustments, single-year NDCs: same-vintage ITMOs only vs the average over the NDC period vs the cumulative sum.',
  '3(d)': 'Corresponding adjustments for ITMOs from outside NDC coverage: does the transferring Party adjust or not.',
  '5': '6.4 credits and ITMOs: separate accounting; ITMOs when transferred (with CA); or ITMOs only at their second transfer (no CA at the first).',
};
