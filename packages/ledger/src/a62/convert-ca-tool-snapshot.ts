import type { FirstTransferDefinition, HistoryEvent, Purpose } from '../events/types.ts';
import type { A62Issue, A62Result } from './a62-issue.ts';
import type { CaToolBlock, CaToolSnapshot } from './ca-tool-snapshot.ts';
import { HOST_PARTIES, type HostParty } from './host-parties.ts';
import { serialRange } from './serial-range.ts';

/**
 * Converts the CA tool snapshot into a history (docs/events.md). Every id is derived from the data, dates
 * come from the data (authorizations: 1 January of the authorization year, the only date given), and
 * the order is a total order on (date, event kind, source row), so the same snapshot always gives the
 * same bytes. The conventions are documented in docs/examples.md ("The real Article 6.2 data").
 */
export interface ConvertedA62History {
  /** `//` lines describing the source (NDJSON ignores them). */
  readonly header: readonly string[];
  readonly events: readonly HistoryEvent[];
}

/** The programme registries: independent standards, no Party (so no transfer out of them is international). */
const REGISTRIES = {
  GS: { registry: 'GS', name: 'Gold Standard Impact Registry', activityPrefix: 'GS', standard: 'GS', unitType: 'VER' },
  Verra: { registry: 'VERRA', name: 'Verra Registry', activityPrefix: 'VCS', standard: 'VCS', unitType: 'VCU' },
} as const;

const FIRST_TRANSFER: Readonly<Record<string, FirstTransferDefinition>> = {
  Authorisation: 'authorization',
  Issuance: 'issuance',
  'First international transfer': 'international_transfer',
};

/** Same-day order: what must exist before what refers to it. */
const KIND_ORDER = ['PartyJoined', 'RegistryOpened', 'ActivityRegistered', 'AccountOpened', 'AuthorizationIssued', 'UnitsIssued'] as const;

interface Placed {
  readonly event: HistoryEvent;
  readonly rank: number;
  readonly tie: number;
}

interface ActivityPlan {
  readonly activity: string;
  readonly account: string;
  readonly host: HostParty;
  readonly programme: CaToolBlock['programme'];
  readonly blocks: CaToolBlock[];
}

export function convertCaToolSnapshot(snapshot: CaToolSnapshot): A62Result<ConvertedA62History> {
  const issues: A62Issue[] = [];
  const source = `Article 6.2 CA Reporting Tool v${snapshot.version}, cutoff ${snapshot.cutoff}`;

  for (const block of snapshot.blocks) {
    if (HOST_PARTIES[block.country] === undefined) {
      issues.push({ code: 'a62.unknown_host', row: block.row, path: `c.cty.${block.row}`, message: `no ISO 3166-1 alpha-3 code known for '${block.country}'` });
    }
    if (FIRST_TRANSFER[block.firstTransferDefinition] === undefined) {
      issues.push({ code: 'a62.unknown_first_transfer', row: block.row, path: `c.ftd.${block.row}`, message: `unknown first-transfer definition '${block.firstTransferDefinition}'` });
    }
    const range = serialRange(block.serial);
    if (range !== null && range.to - range.from + 1 !== block.volume) {
      issues.push({
        code: 'a62.volume_mismatch',
        row: block.row,
        path: `c.sn.${block.row}`,
        message: `serial '${block.serial.trim()}' gives ${range.from}–${range.to} (${range.to - range.from + 1} units) but vol is ${block.volume}`,
      });
    }
  }
  const seenSerials = new Map<string, number>();
  for (const block of snapshot.blocks) {
    const earlier = seenSerials.get(block.serial.trim());
    if (earlier !== undefined) {
      issues.push({ code: 'a62.duplicate_serial', row: block.row, path: `c.sn.${block.row}`, message: `serial '${block.serial.trim()}' already given by row ${earlier}` });
    } else seenSerials.set(block.serial.trim(), block.row);
  }
  if (issues.length > 0) return { ok: false, issues };

  const activities = planActivities(snapshot.blocks);
  for (const plan of activities.values()) {
    const first = plan.blocks[0]!;
    for (const block of plan.blocks) {
      if (authorizationKey(block) !== authorizationKey(first)) {
        issues.push({
          code: 'a62.conflicting_authorization',
          row: block.row,
          path: `c.ca.${block.row}`,
          message: `activity ${plan.activity} has rows with different authorizations (row ${first.row}: ${authorizationKey(first)}; this row: ${authorizationKey(block)}); one authorization per activity is all the converter represents`,
        });
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const placed: Placed[] = [];
  const place = (event: HistoryEvent, tie: number): void => {
    placed.push({ event, rank: KIND_ORDER.indexOf(event.type as (typeof KIND_ORDER)[number]), tie });
  };

  // Parties and registries exist from the earliest date the snapshot mentions.
  const dates = snapshot.blocks.flatMap((block) => [block.issuanceDate, authorizationDate(block)]);
  const opening = dates.reduce((earliest, date) => (date < earliest ? date : earliest), snapshot.cutoff);

  const hosts = [...new Set(snapshot.blocks.map((block) => block.country))].map((country) => HOST_PARTIES[country]!);
  hosts.sort((a, b) => compare(a.party, b.party));
  hosts.forEach((host, tie) => {
    place(
      {
        type: 'PartyJoined',
        id: `a62-party-${host.party}`,
        at: opening,
        data: { party: host.party, name: host.name, ...(host.groups.length > 0 ? { groups: [...host.groups] } : {}) },
        meta: { source, groupsFrom: 'UN LDC list and M49 region (not in the snapshot)' },
      },
      tie,
    );
  });

  const programmes = [...new Set(snapshot.blocks.map((block) => block.programme))].sort(compare);
  programmes.forEach((programme, tie) => {
    const registry = REGISTRIES[programme];
    place(
      { type: 'RegistryOpened', id: `a62-registry-${registry.registry}`, at: opening, data: { registry: registry.registry, kind: 'independent', name: registry.name }, meta: { source } },
      tie,
    );
  });

  let tie = 0;
  for (const plan of [...activities.values()].sort((a, b) => compare(a.activity, b.activity))) {
    const registry = REGISTRIES[plan.programme];
    const first = plan.blocks[0]!;
    const authorizedOn = authorizationDate(first);
    const since = plan.blocks.reduce((earliest, block) => (block.issuanceDate < earliest ? block.issuanceDate : earliest), authorizedOn);
    const urls = [...new Set(plan.blocks.map((block) => block.url).filter((url): url is string => url !== null))];
    tie++;
    place(
      {
        type: 'ActivityRegistered',
        id: `a62-activity-${plan.activity}`,
        at: since,
        data: { activity: plan.activity, host: plan.host.party, mechanism: 'independent', standard: registry.standard },
        meta: { source, programme: plan.programme, projectId: first.projectId, registeredAt: 'the earlier of its authorization and its first issuance in the snapshot' },
      },
      tie,
    );
    place(
      {
        type: 'AccountOpened',
        id: `a62-account-${plan.account}`,
        at: since,
        data: { account: plan.account, kind: 'holding', holder: `Project proponent of ${registry.standard} ${first.projectId}` },
        meta: { source, holderUnknown: true },
      },
      tie,
    );
    const purposes: Purpose[] = first.ndc ? ['NDC', 'OIMP'] : ['OIMP'];
    const note = publisherNote(snapshot, plan.host);
    place(
      {
        type: 'AuthorizationIssued',
        id: `a62-authorization-${authorizationId(plan)}`,
        at: authorizedOn,
        data: {
          authorization: authorizationId(plan),
          party: plan.host.party,
          activity: plan.activity,
          purposes,
          firstTransfer: FIRST_TRANSFER[first.firstTransferDefinition]!,
        },
        meta: {
          source,
          ca: first.caRecord ?? 'NA',
          carp: first.carp ? 1 : 0,
          ftd: first.firstTransferDefinition,
          ay: first.authorizationYear,
          dated: '1 January of the authorization year (the snapshot gives the year only)',
          urls,
          ...(note === undefined ? {} : { publisherNote: note }),
        },
      },
      tie,
    );
    for (const block of plan.blocks) {
      const range = serialRange(block.serial) ?? { from: 1, to: block.volume };
      place(
        {
          type: 'UnitsIssued',
          id: `a62-issuance-${block.serial.trim()}`,
          at: block.issuanceDate,
          data: {
            account: plan.account,
            activity: plan.activity,
            unitType: registry.unitType,
            block: block.serial.trim(),
            from: range.from,
            to: range.to,
            vintage: block.vintage,
          },
          meta: { source, ...sourceRow(block) },
        },
        // Issuances on one day keep the snapshot's row order.
        block.row,
      );
    }
  }

  placed.sort((a, b) => compare(a.event.at, b.event.at) || a.rank - b.rank || a.tie - b.tie);
  const units = snapshot.blocks.reduce((sum, block) => sum + block.volume, 0);
  const header = [
    `// ${source} (Gold Standard and Verra): ${snapshot.blocks.length} authorized blocks, ${units} units, ${hosts.length} host Parties.`,
    '// Converted by `a6 import-a62` (packages/ledger/src/a62); conventions and the workbook comparison: docs/examples.md.',
  ];
  return { ok: true, value: { header, events: placed.map((entry) => entry.event) } };
}

/** The history as NDJSON text: header comments, then one event per line. */
export function a62HistoryNdjson(history: ConvertedA62History): string {
  return [...history.header, ...history.events.map((event) => JSON.stringify(event))].join('\n') + '\n';
}

function planActivities(blocks: readonly CaToolBlock[]): Map<string, ActivityPlan> {
  // Verra lists some projects under several hosts (VCS 4151: Rwanda and Nigeria); each host's part is
  // its own activity, because an activity has one host.
  const hostsOf = new Map<string, Set<string>>();
  for (const block of blocks) {
    const project = `${block.programme}:${block.projectId}`;
    const hosts = hostsOf.get(project) ?? new Set<string>();
    hosts.add(block.country);
    hostsOf.set(project, hosts);
  }
  const plans = new Map<string, ActivityPlan>();
  for (const block of blocks) {
    const registry = REGISTRIES[block.programme];
    const host = HOST_PARTIES[block.country]!;
    const multiHost = hostsOf.get(`${block.programme}:${block.projectId}`)!.size > 1;
    const activity = `${registry.activityPrefix}${block.projectId}${multiHost ? `-${host.party}` : ''}`;
    let plan = plans.get(activity);
    if (plan === undefined) {
      plan = { activity, account: `${registry.registry}:${activity}`, host, programme: block.programme, blocks: [] };
      plans.set(activity, plan);
    }
    plan.blocks.push(block);
  }
  return plans;
}

/** What makes two rows the same authorization (the letter's URL may differ between rows of one LoA set). */
function authorizationKey(block: CaToolBlock): string {
  return `${block.caRecord ?? 'NA'}/${block.authorizationYear}/${block.firstTransferDefinition}/ndc=${block.ndc ? 1 : 0}/carp=${block.carp ? 1 : 0}`;
}

function authorizationId(plan: ActivityPlan): string {
  const first = plan.blocks[0]!;
  return `${plan.activity}-${first.caRecord ?? `LoA${first.authorizationYear}`}`;
}

function authorizationDate(block: CaToolBlock): string {
  return `${block.authorizationYear}-01-01`;
}

function publisherNote(snapshot: CaToolSnapshot, host: HostParty): string | undefined {
  const name = Object.entries(HOST_PARTIES).find(([, candidate]) => candidate.party === host.party)?.[0];
  return snapshot.notes.find((note) => note.country.split(' & ').includes(name ?? ''))?.note;
}

/** The source row with the workbook's column names and published values (`ca: "NA"`, `url: null` for -1). */
function sourceRow(block: CaToolBlock): Record<string, unknown> {
  return {
    row: block.row,
    prog: block.programme,
    pid: block.projectId,
    vol: block.volume,
    sn: block.serial,
    vin: block.vintage,
    cty: block.country,
    ftd: block.firstTransferDefinition,
    ay: block.authorizationYear,
    idt: block.issuanceDate,
    iy: block.issuanceYear,
    ndc: block.ndc ? 1 : 0,
    oimp: block.oimp ? 1 : 0,
    ca: block.caRecord ?? 'NA',
    carp: block.carp ? 1 : 0,
    url: block.url,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
