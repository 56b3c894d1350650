/**
 * History events, schema version 1 (docs/events.md, normative). These are the TypeScript
 * shapes; the runtime schema in `schema.ts` must accept exactly these.
 */

export type PartyCode = string;
/** `"REGISTRY:ACCOUNT"`. */
export type AccountRef = string;
/** `YYYY-MM-DD` or an ISO-8601 UTC timestamp. */
export type Timestamp = string;

export interface UnitRange {
  readonly block: string;
  readonly from: number;
  readonly to: number;
}

export type Purpose = 'NDC' | 'OIMP';
export type FirstTransferDefinition = 'authorization' | 'issuance' | 'use' | 'international_transfer';

export interface Ndc {
  readonly id?: string;
  readonly kind: 'single-year' | 'multi-year';
  readonly from: number;
  readonly to: number;
  readonly targetYear?: number;
  readonly metric: string;
  readonly target?: number;
  readonly sectors?: readonly string[];
  readonly gases?: readonly string[];
  readonly method?: 'trajectory' | 'averaging';
  readonly trajectory?: Readonly<Record<string, number>>;
}

export interface EventPayloads {
  PartyJoined: { party: PartyCode; name: string; groups?: string[] };
  NdcCommunicated: { party: PartyCode; ndc: Ndc };
  RegistryOpened: {
    registry: string;
    kind: 'national' | 'international' | 'mechanism' | 'cdm' | 'independent' | 'ets';
    party?: PartyCode;
    name?: string;
  };
  AccountOpened: {
    account: AccountRef;
    kind: 'holding' | 'pending' | 'retirement' | 'cancellation' | 'omge' | 'sop';
    holder: string;
    party?: PartyCode;
    /** Id of the holding entity, as authorizations name it in `entities` (the AEF's authorized entities). */
    entity?: string;
  };
  ActivityRegistered: {
    activity: string;
    host: PartyCode;
    mechanism: '6.2' | '6.4' | 'CDM' | 'JCM' | 'independent';
    standard?: string;
    title?: string;
    sector?: string;
    type?: string;
    gases?: string[];
    inNdc?: boolean;
    registeredOn?: Timestamp;
    crediting?: { from: Timestamp; to: Timestamp };
    approvals?: string[];
    /** The cooperative approach the activity belongs to (the AEF's cooperative approach id). */
    cooperativeApproach?: string;
    /** What the mitigation is (e.g. `emission_reduction`, `removal`), as the AEF reports it. */
    mitigationType?: string;
    /** The global warming potential values its tCO2e figures use (e.g. `AR5`). */
    gwp?: string;
  };
  ActivityTransitioned: { activity: string; to: '6.4'; requestedOn: Timestamp; hostApprovedOn?: Timestamp };
  AuthorizationIssued: {
    authorization: string;
    party: PartyCode;
    activity?: string;
    cooperativeApproach?: string;
    purposes: Purpose[];
    firstTransfer?: FirstTransferDefinition;
    acquirers?: PartyCode[];
    cap?: number;
    vintages?: { from: number; to: number };
    /** The authorization's version (1 for the first; a changed authorization is re-issued with a higher one). */
    version?: number;
    /** The metric of `cap` (`tCO2e` or a non-GHG metric). */
    metric?: string;
    /** Sector and activity type of what is authorized, when the activity does not give them (or there is none). */
    sector?: string;
    activityType?: string;
    /** The other international mitigation purposes it is authorized for (e.g. `CORSIA`). */
    oimp?: string;
    /** Entities authorized to participate (ids matching `AccountOpened.entity`). */
    entities?: string[];
    /** Any other terms of the authorization, as the authorizing Party states them. */
    terms?: string;
  };
  AuthorizationRevoked: { authorization: string; reason?: string };
  UnitsIssued: {
    account: AccountRef;
    activity: string;
    unitType: string;
    block: string;
    from: number;
    to: number;
    vintage: number;
    metric?: string;
    authorization?: string;
  };
  UnitsTransferred: { from: AccountRef; to: AccountRef; units: UnitRange[] };
  UnitsUsed: {
    account: AccountRef;
    units: UnitRange[];
    purpose: 'NDC' | 'OIMP' | 'voluntary';
    by: string;
    year?: number;
  };
  UnitsCancelled: { account: AccountRef; units: UnitRange[]; reason: 'voluntary' | 'omge' | 'other' };
  InventoryReported: { party: PartyCode; year: number; emissions: number };
  RulebookAdopted: { name: string; sha256: string; imports?: Record<string, string>; source?: string };
  TransactionDecided: {
    event: string;
    rulebook: { name: string; sha256: string };
    verdict: 'accepted' | 'rejected';
    reasons: { rule: string | null; code: string; message: string }[];
  };
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES: readonly EventType[] = [
  'PartyJoined',
  'NdcCommunicated',
  'RegistryOpened',
  'AccountOpened',
  'ActivityRegistered',
  'ActivityTransitioned',
  'AuthorizationIssued',
  'AuthorizationRevoked',
  'UnitsIssued',
  'UnitsTransferred',
  'UnitsUsed',
  'UnitsCancelled',
  'InventoryReported',
  'RulebookAdopted',
  'TransactionDecided',
];

/** One event of a history, after validation; `id` is always present (derived when the line had none). */
export type HistoryEvent = {
  [T in EventType]: {
    readonly type: T;
    readonly id: string;
    readonly at: Timestamp;
    readonly data: EventPayloads[T];
    readonly meta?: Readonly<Record<string, unknown>>;
  };
}[EventType];

export type EventOf<T extends EventType> = Extract<HistoryEvent, { type: T }>;

/** An event as stored: with its history position and the hash chain link. */
export type StoredEvent = HistoryEvent & {
  /** 0-based position in the history. */
  readonly seq: number;
  /** sha256 (lowercase hex) of the previous event's canonical form; 64 zeros for the first. */
  readonly prev: string;
};
