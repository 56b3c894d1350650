import { TRIGGERS, UNIT_TRIGGERS, type Trigger } from '../ast/ast.ts';
import type { RootName } from '../compile/compiled-rulebook.ts';
import { BOOL, DATE, NUMBER, STRING, listOf, recordOf, type RecordKind, type StaticType } from './types.ts';

/**
 * What expressions can see, as data (docs/language.md, "Context: names and fields at each trigger"). The checker, hover
 * and completion all read this table; the ledger's `RecordValue`s must answer exactly these field names.
 */
export interface ContextField {
  readonly name: string;
  readonly type: StaticType;
  /** Triggers at which the field exists; `null`: wherever its record is available. */
  readonly triggers: readonly Trigger[] | null;
  readonly doc: string;
}

export interface ContextRoot {
  readonly name: RootName;
  readonly record: RecordKind;
  readonly triggers: readonly Trigger[];
  readonly doc: string;
}

const TRANSFER_TRIGGERS: readonly Trigger[] = ['transfer', 'international_transfer', 'first_transfer'];

export const CONTEXT_ROOTS: readonly ContextRoot[] = [
  {
    name: 'event',
    record: 'event',
    triggers: TRIGGERS,
    doc: 'The event being decided. At `first_transfer`: the event that caused the first transfer (its other fields are none).',
  },
  {
    name: 'unit',
    record: 'unit',
    triggers: UNIT_TRIGGERS,
    doc: 'The unit fragment being decided: a maximal part of a listed range with uniform attributes (docs/language.md, Granularity).',
  },
  {
    name: 'activity',
    record: 'activity',
    triggers: [...UNIT_TRIGGERS, 'registration', 'transition', 'authorization', 'revocation'],
    doc: "The activity of the unit or event; none when an authorization names no activity.",
  },
  {
    name: 'authorization',
    record: 'authorization',
    triggers: ['authorization', 'revocation', ...UNIT_TRIGGERS],
    doc: 'The authorization being issued or revoked, or the one covering the unit (none when unauthorized).',
  },
];

const field = (name: string, type: StaticType, doc: string, triggers: readonly Trigger[] | null = null): ContextField => ({
  name,
  type,
  triggers,
  doc,
});

export const RECORD_FIELDS: Readonly<Record<RecordKind, readonly ContextField[]>> = {
  event: [
    field('id', STRING, 'The event id.'),
    field('type', STRING, 'The event type (`UnitsIssued`, …).'),
    field('at', DATE, 'The day the event was recorded (`at`, by UTC day).'),
    field('year', NUMBER, "The event's `data.year` for `use` and `inventory`, else the year of `at`."),
    field('quantity', NUMBER, "The size of the fragment being decided.", UNIT_TRIGGERS),
    field('total', NUMBER, "The event's total quantity over all listed ranges.", UNIT_TRIGGERS),
    field('from', recordOf('account'), 'The source account of a transfer.', TRANSFER_TRIGGERS),
    field('to', recordOf('account'), 'The destination account of a transfer.', TRANSFER_TRIGGERS),
    field('purpose', STRING, 'The purpose of a use: `NDC`, `OIMP` or `voluntary`.', ['use', 'first_transfer']),
    field('by', STRING, 'Who uses the units (for `NDC`, a Party code).', ['use', 'first_transfer']),
    field('reason', STRING, 'The reason of a cancellation or revocation.', ['cancellation', 'revocation', 'first_transfer']),
    field('requested_on', DATE, 'The day the CDM transition was requested (3/CMA.3 annex: by 31 Dec 2023).', ['transition']),
    field('host_approved_on', DATE, "The day the host approved the transition (none when not yet approved).", ['transition']),
    field('party', STRING, 'The Party reporting an inventory.', ['inventory']),
    field('emissions', NUMBER, 'Reported emissions covered by the NDC (tCO2e).', ['inventory']),
  ],
  unit: [
    field('serial', STRING, 'The fragment as `"BLOCK:FROM-TO"`.'),
    field('block', STRING, 'The issuance block id.'),
    field('type', STRING, 'The unit type (`ITMO`, `A6.4ER`, `CER`, …).'),
    field('vintage', NUMBER, 'The vintage year (the calendar year the mitigation occurred).'),
    field('metric', STRING, 'The metric (`tCO2e` unless issued otherwise).'),
    field('quantity', NUMBER, 'The number of units in the fragment.'),
    field('mechanism', STRING, "The issuing activity's mechanism (`\"6.4\"` after an accepted transition)."),
    field('host', STRING, "The host Party's code."),
    field('activity', recordOf('activity'), 'The activity that issued the units.'),
    field('authorized', BOOL, 'Whether an authorization covers the units.'),
    field('authorization', recordOf('authorization'), 'The covering authorization (none when unauthorized).'),
    field('purposes', listOf(STRING), 'The purposes of the covering authorization (`NDC`, `OIMP`).'),
    field('itmo', BOOL, 'Whether the units are ITMOs (first transferred and authorized; A6.4ERs per `a64.itmo`).'),
    field('first_transferred', BOOL, 'Whether the units were first transferred before this event (2/CMA.3 annex para 2(b)).'),
    field('issued_on', DATE, 'The day the units were issued.'),
    field('holder', recordOf('account'), 'The account holding the units before this event.'),
  ],
  activity: [
    field('id', STRING, 'The activity id.'),
    field('host', STRING, "The host Party's code."),
    field('mechanism', STRING, 'The mechanism (`6.2`, `6.4`, `CDM`, `JCM`, `independent`; `"6.4"` after an accepted transition).'),
    field('standard', STRING, 'The crediting standard (`GS`, `VCS`, `ART`, …).'),
    field('sector', STRING, 'The sector.'),
    field('type', STRING, 'The activity type.'),
    field('gases', listOf(STRING), 'The greenhouse gases covered.'),
    field('in_ndc', BOOL, "Whether the activity lies within the host's NDC coverage (seed paper 2(a))."),
    field('approvals', listOf(STRING), 'Review steps passed (`host`, `technical_review`, `supervisory_body`): the governance options of the seed paper.'),
    field('registered_on', DATE, 'The registration day.'),
    field('crediting_from', DATE, 'Start of the crediting period.'),
    field('crediting_to', DATE, 'End of the crediting period.'),
    field('transitioned', BOOL, 'Whether a CDM transition to 6.4 was accepted.'),
    field('transitioned_on', DATE, 'The date of the accepted transition event.'),
  ],
  authorization: [
    field('id', STRING, 'The authorization id.'),
    field('party', STRING, 'The authorizing (first transferring) Party.'),
    field('activity', recordOf('activity'), 'The authorized activity (none for a cooperative approach).'),
    field('cooperative_approach', STRING, 'The cooperative approach authorized.'),
    field('purposes', listOf(STRING), 'Authorized purposes: `NDC`, `OIMP` or both.'),
    field('first_transfer', STRING, "The OIMP first-transfer definition the Party chose (2/CMA.3 annex para 2(b))."),
    field('acquirers', listOf(STRING), 'Parties allowed to acquire.'),
    field('cap', NUMBER, 'The authorized quantity cap.'),
    field('vintage_from', NUMBER, 'First authorized vintage.'),
    field('vintage_to', NUMBER, 'Last authorized vintage.'),
    field('date', DATE, 'The day of the authorization.'),
    field('revoked', BOOL, 'Whether the authorization has been revoked.'),
  ],
  account: [
    field('id', STRING, 'The account reference `"REGISTRY:ACCOUNT"`.'),
    field('registry', STRING, 'The registry id.'),
    field('kind', STRING, 'The account kind (`holding`, `pending`, `retirement`, …).'),
    field('holder', STRING, 'The holder of the account.'),
    field('party', STRING, "The holder's country (defaults to the registry's Party; none for mechanism accounts)."),
  ],
  party: [
    field('name', STRING, "The Party's name."),
    field('groups', listOf(STRING), 'Groups (`LDC`, `SIDS`, `AnnexI`, …).'),
    field('ndc', recordOf('ndc'), "The Party's current NDC (none when not communicated)."),
  ],
  ndc: [
    field('kind', STRING, '`single-year` or `multi-year`.'),
    field('from', NUMBER, 'First year of the NDC period.'),
    field('to', NUMBER, 'Last year of the NDC period.'),
    field('target_year', NUMBER, 'The target year of a single-year NDC.'),
    field('target', NUMBER, 'The target level.'),
    field('metric', STRING, 'The metric (`tCO2e` or another).'),
    field('sectors', listOf(STRING), 'Sectors covered.'),
    field('gases', listOf(STRING), 'Gases covered.'),
    field('method', STRING, 'The method for a single-year NDC (`trajectory`, `averaging`).'),
  ],
};

const fieldIndex = new Map<RecordKind, Map<string, ContextField>>(
  (Object.keys(RECORD_FIELDS) as RecordKind[]).map((record) => [
    record,
    new Map(RECORD_FIELDS[record].map((entry) => [entry.name, entry])),
  ]),
);
const rootIndex = new Map<string, ContextRoot>(CONTEXT_ROOTS.map((root) => [root.name, root]));

/** Lookups go through maps, never `object[userText]`, so `constructor` or `__proto__` are just unknown. */
export function findContextField(record: RecordKind, name: string): ContextField | undefined {
  return fieldIndex.get(record)?.get(name);
}

export function findContextRoot(name: string): ContextRoot | undefined {
  return rootIndex.get(name);
}
