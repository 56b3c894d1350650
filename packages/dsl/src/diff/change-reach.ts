import { TRIGGERS, type Trigger } from '../ast/ast.ts';
import type { OptionName } from '../options/options.ts';

/** What a change can affect: the triggers it runs at and the history events that can show it. */
export interface ChangeReach {
  /** Triggers whose rules or levies see the change, in dsl.md's trigger order. */
  readonly triggers: readonly Trigger[];
  /** History event types (events.md) on which the change can make a difference, in events.md's order. */
  readonly events: readonly string[];
}

/** An option's reach, plus the structured-summary fields (replay.md) it can move. */
export interface OptionReach extends ChangeReach {
  readonly fields: readonly string[];
}

/**
 * The events each trigger fires on (dsl.md "Triggers"). `first_transfer` is derived: a range becomes
 * first transferred at an authorization, issuance, international transfer, use or voluntary
 * cancellation, depending on the options.
 */
const TRIGGER_EVENT_TYPES: Readonly<Record<Trigger, readonly string[]>> = {
  registration: ['ActivityRegistered'],
  transition: ['ActivityTransitioned'],
  authorization: ['AuthorizationIssued'],
  revocation: ['AuthorizationRevoked'],
  issuance: ['UnitsIssued'],
  transfer: ['UnitsTransferred'],
  international_transfer: ['UnitsTransferred'],
  first_transfer: ['AuthorizationIssued', 'UnitsIssued', 'UnitsTransferred', 'UnitsUsed', 'UnitsCancelled'],
  use: ['UnitsUsed'],
  cancellation: ['UnitsCancelled'],
  inventory: ['InventoryReported'],
};

const FIRST_TRANSFER_EVENTS = TRIGGER_EVENT_TYPES.first_transfer;
/** Event types in events.md's order, as far as triggers reach them (the unique events of the triggers in order). */
const TRIGGERED_EVENTS: readonly string[] = [...new Set(TRIGGERS.flatMap((trigger) => TRIGGER_EVENT_TYPES[trigger]))];
const ADJUSTMENT_FIELDS = ['annual_adjustment', 'average', 'adjustment', 'emissions_balance', 'adjusted_target'];
const FIRST_TRANSFER_FIELDS = ['first_transferred', 'oimp_first_transferred', 'net', 'cumulative', ...ADJUSTMENT_FIELDS];

/**
 * What each accounting election can move (dsl.md "Options", replay.md "Accounting entries" and
 * "Structured summary"); events listed in events.md's order. `first_transfer.*` and `a64.itmo` decide when a range is first transferred or
 * an ITMO, so rules on `first_transfer` see them; the `adjustment.*` options only change bookings.
 */
const OPTION_REACH: Readonly<Record<OptionName, OptionReach>> = {
  'first_transfer.ndc': { triggers: ['first_transfer'], events: ['AuthorizationIssued', 'UnitsIssued', 'UnitsTransferred'], fields: FIRST_TRANSFER_FIELDS },
  'first_transfer.oimp': { triggers: ['first_transfer'], events: FIRST_TRANSFER_EVENTS, fields: FIRST_TRANSFER_FIELDS },
  'adjustment.object': { triggers: [], events: ['NdcCommunicated', ...FIRST_TRANSFER_EVENTS, 'InventoryReported'], fields: ['emissions_balance', 'adjusted_target'] },
  'adjustment.transferor': { triggers: [], events: FIRST_TRANSFER_EVENTS, fields: ADJUSTMENT_FIELDS },
  'adjustment.acquirer': { triggers: [], events: ['UnitsTransferred', 'UnitsUsed'], fields: ADJUSTMENT_FIELDS },
  'adjustment.single_year': { triggers: [], events: ['NdcCommunicated', ...FIRST_TRANSFER_EVENTS, 'InventoryReported'], fields: ['average', 'adjustment', 'emissions_balance', 'adjusted_target'] },
  'adjustment.outside_ndc': { triggers: [], events: ['ActivityRegistered', ...FIRST_TRANSFER_EVENTS], fields: ADJUSTMENT_FIELDS },
  'adjustment.averaging_window': { triggers: [], events: ['NdcCommunicated', ...FIRST_TRANSFER_EVENTS, 'InventoryReported'], fields: ['average', 'adjustment', 'emissions_balance', 'adjusted_target'] },
  'a64.itmo': {
    triggers: ['first_transfer'],
    events: ['AuthorizationIssued', 'UnitsIssued', 'UnitsTransferred', 'UnitsUsed'],
    fields: ['first_transferred', 'oimp_first_transferred', 'used', 'net', 'acquired', 'cumulative', ...ADJUSTMENT_FIELDS, 'a64_first_transferred', 'a64_used'],
  },
};

/** The reach of a rule or levy change: its triggers on either side and the events they fire on. */
export function triggerReach(triggers: Iterable<Trigger>): ChangeReach {
  const set = new Set(triggers);
  const ordered = TRIGGERS.filter((trigger) => set.has(trigger));
  const events = new Set(ordered.flatMap((trigger) => TRIGGER_EVENT_TYPES[trigger]));
  return { triggers: ordered, events: TRIGGERED_EVENTS.filter((type) => events.has(type)) };
}

export function optionReach(option: OptionName): OptionReach {
  return OPTION_REACH[option];
}
