/**
 * `a6.bench.refusal/1`: what a refused append costs the live path (docs/reliability.md "Cheap
 * refusals"). A history of `--events` transfers is stored, the live ledger loads it once, then
 * `--rounds` times: an accepted one-event append (`before`), an append refused by the reference checks
 * (an unknown account: `refused`), and the next accepted append (`after`). With the checker rolled back
 * `after` ≈ `before`; when a refusal rebuilt the checker from the whole history, `after` paid a read of
 * every stored event.
 *
 *   node --import tsx bench/refusal-bench.ts [--events 200000] [--rounds 15]
 */
import { parseArgs } from 'node:util';
import { parseHistoryLine, type HistoryEvent } from '@a6/ledger';
import { MemoryEventStore, MemoryRulebookWorkspace } from '@a6/ledger/store';
import { ApiError, LiveLedger, type Principal } from '../packages/editor/src/server/index.ts';
import { machineInfo, round } from './meter/index.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '200000' }, rounds: { type: 'string', default: '15' } } });
const events = Number(values.events.replaceAll('_', ''));
const rounds = Number(values.rounds);

const RULEBOOK = `rulebook bench "refusal bench" {
  rule recent_vintage "units transferred are from 2021 on" on transfer {
    require unit.vintage >= 2021 else "vintage {unit.vintage} is before 2021"
  }
}
`;
const ADMIN: Principal = { role: { kind: 'admin' }, tokenHash: null };
const OPERATOR: Principal = { role: { kind: 'operator', registry: 'PE-NR' }, tokenHash: null };

function event(line: Record<string, unknown>): HistoryEvent {
  const parsed = parseHistoryLine(JSON.stringify(line), 1);
  if (!parsed.ok) throw new Error(parsed.issues[0]!.message);
  return parsed.event;
}

const transfer = (id: string, to: string, unit: number) => ({ type: 'UnitsTransferred', id, at: '2024-01-01', data: { from: 'PE-NR:dev', to, units: [{ block: 'B', from: unit, to: unit }] } });

const store = new MemoryEventStore();
const workspace = new MemoryRulebookWorkspace();
await workspace.save('bench.a6', RULEBOOK);
// The history is dated after this fixed clock: lift the writers' clock bound.
const live = new LiveLedger(store, workspace, () => new Date('2021-06-01T00:00:00Z'), Number.MAX_SAFE_INTEGER);
await live.adopt('main', 'bench.a6', 'bench');
await live.append(
  'main',
  [
    { type: 'PartyJoined', id: 'per', at: '2022-01-01', data: { party: 'PER', name: 'Peru' } },
    { type: 'PartyJoined', id: 'sgp', at: '2022-01-01', data: { party: 'SGP', name: 'Singapore' } },
    { type: 'RegistryOpened', id: 'r-pe', at: '2022-01-01', data: { registry: 'PE-NR', kind: 'national', party: 'PER' } },
    { type: 'RegistryOpened', id: 'r-sg', at: '2022-01-01', data: { registry: 'SG-NR', kind: 'national', party: 'SGP' } },
    { type: 'AccountOpened', id: 'a-dev', at: '2022-01-01', data: { account: 'PE-NR:dev', kind: 'holding', holder: 'developer' } },
    { type: 'AccountOpened', id: 'a-buyer', at: '2022-01-01', data: { account: 'SG-NR:buyer', kind: 'holding', holder: 'buyer' } },
    { type: 'ActivityRegistered', id: 'act', at: '2022-01-02', data: { activity: 'PE-001', host: 'PER', mechanism: '6.2', inNdc: true } },
    { type: 'AuthorizationIssued', id: 'auth', at: '2022-06-01', data: { authorization: 'PER-A1', party: 'PER', activity: 'PE-001', purposes: ['NDC', 'OIMP'], firstTransfer: 'issuance' } },
    { type: 'UnitsIssued', id: 'iss', at: '2023-03-01', data: { account: 'PE-NR:dev', activity: 'PE-001', unitType: 'ITMO', block: 'B', from: 1, to: 100_000_000, vintage: 2022 } },
  ],
  ADMIN,
);
process.stderr.write(`storing ${events} transfers\n`);
for (let from = 0; from < events; from += 10_000) {
  const batch: HistoryEvent[] = [];
  for (let i = from; i < Math.min(events, from + 10_000); i++) batch.push(event(transfer(`t-${i}`, 'SG-NR:buyer', i + 1)));
  await store.append('main', batch);
}
process.stderr.write('loading the live ledger\n');
const loadStart = performance.now();
await live.inForce('main');
const loadSeconds = (performance.now() - loadStart) / 1000;

async function timed(items: unknown[], principal: Principal): Promise<{ ms: number; refused: boolean }> {
  const start = performance.now();
  let refused = false;
  try {
    const outcome = await live.append('main', items, principal);
    if (outcome.results[0]?.verdict !== 'accepted') throw new Error(`not accepted: ${JSON.stringify(outcome.results[0])}`);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'history.unknown_reference') throw error;
    refused = true;
  }
  return { ms: performance.now() - start, refused };
}

const before: number[] = [];
const refused: number[] = [];
const after: number[] = [];
let unit = events + 1_000;
for (let round = 0; round < rounds; round++) {
  before.push((await timed([transfer(`before-${round}`, 'SG-NR:buyer', unit++)], OPERATOR)).ms);
  const refusal = await timed([transfer(`refused-${round}`, 'SG-NR:nobody', unit++)], OPERATOR);
  if (!refusal.refused) throw new Error('the refused append was accepted');
  refused.push(refusal.ms);
  after.push((await timed([transfer(`after-${round}`, 'SG-NR:buyer', unit++)], OPERATOR)).ms);
}

const median = (values: number[]) => round(values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!, 2);
const { gcExposed: _gc, ...machine } = machineInfo();
process.stdout.write(
  JSON.stringify(
    {
      format: 'a6.bench.refusal/1',
      machine,
      history: { events: events + 9 },
      rounds,
      loadSeconds: round(loadSeconds, 2),
      medianMs: { acceptedBefore: median(before), refused: median(refused), acceptedAfterRefusal: median(after) },
      afterOverBefore: round(median(after) / median(before), 2),
    },
    null,
    2,
  ) + '\n',
);
