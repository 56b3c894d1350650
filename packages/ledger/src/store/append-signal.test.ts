import { describe, expect, it } from 'vitest';
import { AppendSignal, AppendSignals } from './append-signal.ts';

describe('AppendSignal', () => {
  it('returns at once when the generation moved, wakes on notify or abort, and times out', async () => {
    const signal = new AppendSignal();
    const abort = new AbortController();
    const since = signal.generation;
    signal.notify();
    await signal.wait(since, abort.signal);
    const woken = signal.wait(signal.generation, abort.signal);
    signal.notify();
    await woken;
    const aborted = signal.wait(signal.generation, abort.signal);
    abort.abort();
    await aborted;
    await new AppendSignal().wait(0, new AbortController().signal, 1);
  });
});

describe('AppendSignals', () => {
  it('keeps one signal per history and wakes them all at once', async () => {
    const signals = new AppendSignals();
    expect(signals.of('main')).toBe(signals.of('main'));
    expect(signals.of('main')).not.toBe(signals.of('a62'));
    const abort = new AbortController();
    const waits = [signals.of('main').wait(0, abort.signal), signals.of('a62').wait(0, abort.signal)];
    signals.notifyAll();
    await Promise.all(waits);
    expect([signals.of('main').generation, signals.of('a62').generation]).toEqual([1, 1]);
  });
});
