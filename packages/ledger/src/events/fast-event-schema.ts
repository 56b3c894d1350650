import { FAIL, array, boolean, field, integer, nullable, oneOf, record, strict, string, unknownValue, type Check } from './line-validator.ts';
import { isHistoryTimestamp } from './timestamp.ts';
import type { EventType } from './types.ts';

/**
 * The schema of `event-schema.ts` again, as plain checks without issue collection: what decides, on
 * the hot path, that a line is valid (docs/performance.md). It mirrors the zod schema rule by rule and
 * outputs what zod outputs (key order included); `fast-event-schema.test.ts` holds both to the same
 * verdict on generated valid and mutated lines. Anything it does not accept goes to the zod schema,
 * which decides and words the errors.
 */

const safe = integer();
const positive = integer((value) => value >= 1);
const year = integer((value) => value >= 1000 && value <= 9999);
const text = string((value) => value.length >= 1);
const anyString = string();
const timestamp = string(isHistoryTimestamp);
const PARTY = /^[A-Z]{3}$/;
const party = string((value) => PARTY.test(value));
const REGISTRY = /^[^\s:]+$/;
const ACCOUNT = /^[^\s:]+:\S+$/;
const account = string((value) => ACCOUNT.test(value));
const SHA256 = /^[0-9a-f]{64}$/;
const sha256 = string((value) => SHA256.test(value));
const TRAJECTORY_YEAR = /^\d{4}$/;
const texts = array(text);

const ordered = (value: Record<string, unknown>): boolean => (value.from as number) <= (value.to as number);
const yearPair = strict([field('from', year), field('to', year)], ordered);
const timestampPair = strict([field('from', timestamp), field('to', timestamp)], (pair) => (pair.from as string).slice(0, 10) <= (pair.to as string).slice(0, 10));
const unitRange = strict([field('block', text), field('from', positive), field('to', positive)], ordered);
const unitRanges = array(unitRange, 1);

const ndc = strict(
  [
    field('id', text, true),
    field('kind', oneOf(['single-year', 'multi-year'])),
    field('from', year),
    field('to', year),
    field('targetYear', year, true),
    field('metric', text),
    field('target', safe, true),
    field('sectors', texts, true),
    field('gases', texts, true),
    field('method', oneOf(['trajectory', 'averaging']), true),
    field('trajectory', record((key) => TRAJECTORY_YEAR.test(key), safe), true),
  ],
  ordered,
);

const purposeList = array(oneOf(['NDC', 'OIMP']), 1, 2);
const purposes: Check = (value) => {
  const list = purposeList(value);
  return list !== FAIL && new Set(list).size === list.length ? list : FAIL;
};

const payloads: Record<EventType, Check<Record<string, unknown>>> = {
  PartyJoined: strict([field('party', party), field('name', text), field('groups', texts, true)]),
  NdcCommunicated: strict([field('party', party), field('ndc', ndc)]),
  RegistryOpened: strict([
    field('registry', string((value) => REGISTRY.test(value) && value !== 'LEVY')),
    field('kind', oneOf(['national', 'international', 'mechanism', 'cdm', 'independent', 'ets'])),
    field('party', party, true),
    field('name', text, true),
  ]),
  AccountOpened: strict([
    field('account', string((value) => ACCOUNT.test(value) && !value.startsWith('LEVY:'))),
    field('kind', oneOf(['holding', 'pending', 'retirement', 'cancellation', 'omge', 'sop'])),
    field('holder', text),
    field('party', party, true),
    field('entity', text, true),
  ]),
  ActivityRegistered: strict([
    field('activity', text),
    field('host', party),
    field('mechanism', oneOf(['6.2', '6.4', 'CDM', 'JCM', 'independent'])),
    field('standard', text, true),
    field('title', anyString, true),
    field('sector', text, true),
    field('type', text, true),
    field('gases', texts, true),
    field('inNdc', boolean, true),
    field('registeredOn', timestamp, true),
    field('crediting', timestampPair, true),
    field('approvals', texts, true),
    field('cooperativeApproach', text, true),
    field('mitigationType', text, true),
    field('gwp', text, true),
  ]),
  ActivityTransitioned: strict([field('activity', text), field('to', oneOf(['6.4'])), field('requestedOn', timestamp), field('hostApprovedOn', timestamp, true)]),
  AuthorizationIssued: strict([
    field('authorization', text),
    field('party', party),
    field('activity', text, true),
    field('cooperativeApproach', text, true),
    field('purposes', purposes),
    field('firstTransfer', oneOf(['authorization', 'issuance', 'use', 'international_transfer']), true),
    field('acquirers', array(party), true),
    field('cap', safe, true),
    field('vintages', yearPair, true),
    field('version', positive, true),
    field('metric', text, true),
    field('sector', text, true),
    field('activityType', text, true),
    field('oimp', text, true),
    field('entities', texts, true),
    field('terms', text, true),
  ]),
  AuthorizationRevoked: strict([field('authorization', text), field('reason', anyString, true)]),
  UnitsIssued: strict(
    [
      field('account', account),
      field('activity', text),
      field('unitType', text),
      field('block', text),
      field('from', positive),
      field('to', positive),
      field('vintage', year),
      field('metric', text, true),
      field('authorization', text, true),
    ],
    ordered,
  ),
  UnitsTransferred: strict([field('from', account), field('to', account), field('units', unitRanges)]),
  UnitsUsed: strict(
    [field('account', account), field('units', unitRanges), field('purpose', oneOf(['NDC', 'OIMP', 'voluntary'])), field('by', text), field('year', year, true)],
    (use) => use.purpose !== 'NDC' || PARTY.test(use.by as string),
  ),
  UnitsCancelled: strict([field('account', account), field('units', unitRanges), field('reason', oneOf(['voluntary', 'omge', 'other']))]),
  InventoryReported: strict([field('party', party), field('year', year), field('emissions', safe)]),
  RulebookAdopted: strict([field('name', text), field('sha256', sha256), field('imports', record((key) => key.length >= 1, sha256), true), field('source', anyString, true)]),
  TransactionDecided: strict([
    field('event', text),
    field('rulebook', strict([field('name', text), field('sha256', sha256)])),
    field('verdict', oneOf(['accepted', 'rejected'])),
    field('reasons', array(strict([field('rule', nullable(anyString)), field('code', text), field('message', anyString)]))),
  ]),
};

const lines = new Map<EventType, Check<Record<string, unknown>>>();

/**
 * A whole line of a known `type`, as `lineSchema(type)` would output it, or `FAIL` (then the schema
 * decides).
 */
export function fastLineCheck(type: EventType): Check<Record<string, unknown>> {
  let check = lines.get(type);
  if (check === undefined) {
    check = strict([field('type', oneOf([type])), field('id', text, true), field('at', timestamp), field('data', payloads[type]), field('meta', record(() => true, unknownValue), true)]);
    lines.set(type, check);
  }
  return check;
}
