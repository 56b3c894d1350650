import type { EventPayloads } from '../events/types.ts';

/**
 * The names synthetic histories use (`a6 gen`, and the witness search of `a6 diff --witness`): the
 * shared registries, account references, activity, block and authorization ids, sectors and the
 * entities that use units. One vocabulary, so a witness reads like a slice of a generated history.
 */

export const SECTORS = ['energy', 'transport', 'waste', 'agriculture', 'forestry', 'cookstoves', 'industry', 'buildings'] as const;
export const AIRLINES = ['ANA', 'Swiss International Air Lines', 'Lufthansa', 'Singapore Airlines', 'JetBlue', 'Delta Air Lines'] as const;
export const COMPANIES = ['Mercuria', 'KliK Foundation', 'Climate Impact Partners', 'South Pole', 'Shell', 'Microsoft', 'Ørsted'] as const;

type RegistryData = EventPayloads['RegistryOpened'];

/** Registries without a Party: the international registry, the 6.4 mechanism, the CDM, two independent standards. */
export const SHARED_REGISTRIES = {
  UNIR: { registry: 'UNIR', kind: 'international', name: 'UNFCCC international registry' },
  A64: { registry: 'A64', kind: 'mechanism', name: 'Article 6.4 mechanism registry' },
  CDM: { registry: 'CDM', kind: 'cdm', name: 'CDM registry' },
  GS: { registry: 'GS', kind: 'independent', name: 'Gold Standard Impact Registry' },
  VERRA: { registry: 'VERRA', kind: 'independent', name: 'Verra Registry' },
} as const satisfies Record<string, RegistryData>;

/** Mechanism accounts without a Party: issuances land here and are forwarded (docs/events.md, `UnitsTransferred`). */
export const A64_PENDING = 'A64:pending';
export const CDM_PENDING = 'CDM:pending';

export function nationalRegistry(party: { readonly party: string; readonly name: string }): RegistryData {
  return { registry: `${party.party}-NR`, kind: 'national', party: party.party, name: `${party.name} national registry` };
}

/** The accounts a Party's national registry holds, with their kind and holder. */
export const NATIONAL_ACCOUNTS = {
  dev: { kind: 'holding', holder: (name: string) => `${name} project developers` },
  buyer: { kind: 'holding', holder: (name: string) => `${name} acquiring entities` },
  gov: { kind: 'holding', holder: (name: string) => `Government of ${name}` },
  retire: { kind: 'retirement', holder: (name: string) => `Government of ${name}` },
  cancel: { kind: 'cancellation', holder: (name: string) => `Government of ${name}` },
} as const;

export type NationalAccount = keyof typeof NATIONAL_ACCOUNTS;

export function nationalAccount(party: string, account: NationalAccount): string {
  return `${party}-NR:${account}`;
}

export type SharedRegistry = keyof typeof SHARED_REGISTRIES;

/** `REGISTRY:PARTY`: a Party's account in a shared registry (`A64:KEN`, `UNIR:CHE`, `GS:PER`). */
export function sharedAccount(registry: SharedRegistry, party: string): string {
  return `${registry}:${party}`;
}

const SHARED_ACCOUNT_HOLDERS: Readonly<Record<SharedRegistry, (name: string) => string>> = {
  UNIR: (name) => `Government of ${name}`,
  A64: (name) => `Activity participants in ${name}`,
  CDM: (name) => `CDM project participants in ${name}`,
  GS: (name) => `Gold Standard project developers in ${name}`,
  VERRA: (name) => `Verra project proponents in ${name}`,
};

/** The `AccountOpened` of a Party's holding account in a shared registry: the registry has no Party, so the account names it. */
export function sharedAccountOpened(registry: SharedRegistry, party: { readonly party: string; readonly name: string }): EventPayloads['AccountOpened'] {
  return { account: sharedAccount(registry, party.party), kind: 'holding', holder: SHARED_ACCOUNT_HOLDERS[registry](party.name), party: party.party };
}

/** The pending accounts of the mechanisms: no Party, so forwarding out of them is never international. */
export const PENDING_ACCOUNTS = {
  [A64_PENDING]: { account: A64_PENDING, kind: 'pending', holder: 'Article 6.4 mechanism' },
  [CDM_PENDING]: { account: CDM_PENDING, kind: 'pending', holder: 'CDM Executive Board' },
} as const satisfies Record<string, EventPayloads['AccountOpened']>;

export type GeneratedActivityKind = '6.2' | '6.4' | 'CDM' | 'GS' | 'VCS';

export function activityId(kind: GeneratedActivityKind, host: string, n: number): string {
  switch (kind) {
    case 'CDM':
      return `CDM-${String(n).padStart(5, '0')}`;
    case '6.4':
      return `A64-${host}-${String(n).padStart(5, '0')}`;
    case '6.2':
      return `A62-${host}-${String(n).padStart(5, '0')}`;
    case 'GS':
    case 'VCS':
      return `${kind}${1000 + n}`;
  }
}

/** The n-th block (1-based) an activity issues, by vintage. */
export function blockId(activity: string, vintage: number, n: number): string {
  return `${activity}-${vintage}-${String(n).padStart(3, '0')}`;
}

/** A letter of authorization for an activity, numbered after the blocks issued before it. */
export function authorizationId(activity: string, n: number): string {
  return `${activity}-LoA-${n}`;
}

/** An OIMP user: an airline meeting its CORSIA obligation. */
export function corsiaUser(airline: string): string {
  return `CORSIA:${airline}`;
}
