/**
 * Load generator of the HTTP service (not run in CI): appends through the live decision path and runs
 * replays in worker threads *at the same time*, then prints one JSON document with throughput, latency
 * percentiles and errors per kind of request.
 *
 * Bounded on purpose: loopback only, at most 32 clients, at most 120 s. By default it starts its own
 * server in this process (memory store, rate limit off — the limit is per address and every client
 * here is 127.0.0.1); `--url` targets a running loopback server instead (`--token` must be an admin
 * token there; the history `load` is created and used).
 *
 *   node --import tsx bench/load/load-generator.ts [--seconds 10] [--writers 4] [--batch 5] [--replayers 1] [--store memory:]
 *   node --import tsx bench/load/load-generator.ts --url http://127.0.0.1:8080 --token a6_…
 */
import { parseArgs } from 'node:util';
// Relative imports: the bench sits at the root, which does not depend on the workspace packages.
import { createServer, type A6Server } from '../../packages/editor/src/server/index.ts';
import { openStore, type OpenedStore } from '@a6/ledger/store';
import { machineInfo } from '../meter/index.ts';

export const LOAD_BENCH_FORMAT = 'a6.bench.load/1';
const HISTORY = 'load';
const MAX_CLIENTS = 32;
const MAX_SECONDS = 120;

const RULEBOOK = `// Load-test rulebook: a levy at issuance and a rule on every transfer.
rulebook load_test "load generator" {
  option adjustment.single_year = party_method
  levy sop 5% on issuance where unit.type == "ITMO" to adaptation_fund
  rule recent_vintage "units transferred are from 2021 on" on transfer {
    require unit.vintage >= 2021 else "vintage {unit.vintage} is before 2021"
  }
}
`;

/** Opens the ledger every writer works in: two Parties, a registry each, an issued block. */
function setupEvents(writers: number): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [
    { type: 'PartyJoined', id: 'load-per', at: '2022-01-01', data: { party: 'PER', name: 'Peru' } },
    { type: 'PartyJoined', id: 'load-sgp', at: '2022-01-01', data: { party: 'SGP', name: 'Singapore' } },
    { type: 'RegistryOpened', id: 'load-r-pe', at: '2022-01-01', data: { registry: 'PE-NR', kind: 'national', party: 'PER' } },
    { type: 'RegistryOpened', id: 'load-r-sg', at: '2022-01-01', data: { registry: 'SG-NR', kind: 'national', party: 'SGP' } },
    { type: 'AccountOpened', id: 'load-a-buyer', at: '2022-01-01', data: { account: 'SG-NR:buyer', kind: 'holding', holder: 'buyer' } },
  ];
  for (let writer = 0; writer < writers; writer++) {
    events.push({ type: 'AccountOpened', id: `load-a-${writer}`, at: '2022-01-01', data: { account: `PE-NR:w${writer}`, kind: 'holding', holder: `writer ${writer}` } });
  }
  events.push(
    { type: 'ActivityRegistered', id: 'load-act', at: '2022-01-02', data: { activity: 'PE-001', host: 'PER', mechanism: '6.2', inNdc: true } },
    { type: 'AuthorizationIssued', id: 'load-auth', at: '2022-06-01', data: { authorization: 'PER-A1', party: 'PER', activity: 'PE-001', purposes: ['NDC', 'OIMP'], firstTransfer: 'issuance' } },
  );
  for (let writer = 0; writer < writers; writer++) {
    events.push({ type: 'UnitsIssued', id: `load-iss-${writer}`, at: '2023-03-01', data: { account: `PE-NR:w${writer}`, activity: 'PE-001', unitType: 'ITMO', block: `B-${writer}`, from: 1, to: 100_000_000, vintage: 2022 } });
  }
  return events;
}

interface Sample {
  readonly ms: number;
  readonly ok: boolean;
  readonly status: number;
}

function summary(samples: readonly Sample[], seconds: number, unitsPerRequest = 1) {
  const ok = samples.filter((sample) => sample.ok);
  const sorted = ok.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? null : round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!));
  const errors: Record<string, number> = {};
  for (const sample of samples) if (!sample.ok) errors[String(sample.status)] = (errors[String(sample.status)] ?? 0) + 1;
  return {
    requests: samples.length,
    ok: ok.length,
    errors,
    per_second: round(ok.length / seconds),
    units_per_second: round((ok.length * unitsPerRequest) / seconds),
    latency_ms: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted.length === 0 ? null : round(sorted.at(-1)!) },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      writers: { type: 'string', default: '4' },
      batch: { type: 'string', default: '5' },
      replayers: { type: 'string', default: '1' },
      store: { type: 'string', default: 'memory:' },
      url: { type: 'string' },
      token: { type: 'string' },
    },
  });
  const seconds = Math.min(MAX_SECONDS, Math.max(1, Number(values.seconds)));
  const writers = Math.min(MAX_CLIENTS, Math.max(1, Number(values.writers)));
  const replayers = Math.min(MAX_CLIENTS - writers, Math.max(0, Number(values.replayers)));
  const batch = Math.min(100, Math.max(1, Number(values.batch)));

  let server: A6Server | undefined;
  let stores: OpenedStore | undefined;
  let url = values.url;
  let token = values.token;
  if (url === undefined) {
    stores = await openStore(values.store);
    // The generated history is dated after this fixed clock, so the writers' clock bound is lifted.
    server = await createServer({ store: stores.store, workspace: stores.workspace, tokens: stores.tokens, rateLimit: false, appDir: null, adminToken: { file: null, print: () => {} }, clock: () => new Date('2021-06-01T00:00:00Z'), maxClockAheadMs: Number.MAX_SAFE_INTEGER });
    url = (await server.listen(0, '127.0.0.1')).url;
    token = server.adminToken;
  }
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]', '::1'].includes(host)) throw new Error(`refusing to load ${url}: loopback only`);
  if (token === undefined) throw new Error('--token (an admin token of the target server) is required with --url');

  const call = async (method: string, path: string, body?: unknown): Promise<Sample> => {
    const started = performance.now();
    try {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      return { ms: performance.now() - started, ok: response.ok, status: response.status };
    } catch {
      return { ms: performance.now() - started, ok: false, status: 0 };
    }
  };
  const must = async (sample: Promise<Sample>, what: string) => {
    const done = await sample;
    if (!done.ok) throw new Error(`setup failed: ${what} answered ${done.status}`);
  };
  await must(call('PUT', '/api/rulebooks/load-test.a6', { source: RULEBOOK }), 'saving the rulebook');
  await must(call('POST', `/api/histories/${HISTORY}/adopt`, { file: 'load-test.a6', name: 'load_test' }), 'adopting');
  await must(call('POST', `/api/histories/${HISTORY}/events`, setupEvents(writers)), 'opening the ledger');

  const appends: Sample[] = [];
  const replays: Sample[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  const writer = async (index: number) => {
    // Each writer moves its own block's units to the buyer, one range per event, and never runs out.
    let next = 1_000;
    while (performance.now() < deadline) {
      const events = [];
      for (let k = 0; k < batch; k++, next += 10) {
        events.push({ type: 'UnitsTransferred', data: { from: `PE-NR:w${index}`, to: 'SG-NR:buyer', units: [{ block: `B-${index}`, from: next, to: next + 9 }] } });
      }
      appends.push(await call('POST', `/api/histories/${HISTORY}/events`, events));
    }
  };
  const replayer = async () => {
    while (performance.now() < deadline) {
      replays.push(await call('POST', '/api/replay', { history: HISTORY, rulebooks: [{ file: 'load-test.a6', name: 'load_test' }] }));
    }
  };
  await Promise.all([...Array.from({ length: writers }, (_, index) => writer(index)), ...Array.from({ length: replayers }, () => replayer())]);
  const elapsed = (performance.now() - started) / 1000;

  const head = await fetch(`${url}/api/histories`, { headers: { authorization: `Bearer ${token}` } }).then((response) => response.json() as Promise<{ histories: { id: string; events: number }[] }>);
  process.stdout.write(
    `${JSON.stringify(
      {
        format: LOAD_BENCH_FORMAT,
        machine: machineInfo(),
        config: { seconds, writers, batch, replayers, store: values.url === undefined ? values.store : 'external', target: values.url === undefined ? 'in-process' : url },
        elapsed_s: round(elapsed),
        appends: summary(appends, elapsed, batch),
        replays: summary(replays, elapsed),
        history_events: head.histories.find((history) => history.id === HISTORY)?.events ?? null,
      },
      null,
      2,
    )}\n`,
  );
  await server?.close();
  await stores?.close();
}

await main();
