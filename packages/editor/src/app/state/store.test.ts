import { describe, expect, it } from 'vitest';
import { Store, shallowEqual } from './store.ts';

interface Counter {
  readonly count: number;
  readonly label: string;
  readonly items: readonly string[];
}

const start = (): Store<Counter> => new Store<Counter>({ count: 0, label: 'a', items: [] });

describe('Store', () => {
  it('tells a watcher only when its selection changes, with the value before', () => {
    const store = start();
    const seen: [number, number | undefined][] = [];
    store.watch((state) => state.count, (count, previous) => seen.push([count, previous]));
    store.set({ label: 'b' });
    store.set({ count: 1 });
    store.update((state) => ({ count: state.count + 1 }));
    expect(seen).toEqual([[1, 0], [2, 1]]);
  });

  it('compares tuples item by item, and calls an immediate watcher at once', () => {
    const store = start();
    const seen: string[] = [];
    store.watch((state) => [state.label, state.items] as const, ([label, items]) => seen.push(`${label}:${items.length}`), { immediate: true });
    store.set({ count: 5 });
    store.set({ items: ['x'] });
    store.set({ items: store.state.items });
    expect(seen).toEqual(['a:0', 'a:1']);
  });

  it('lets a listener set again: later watchers see the newest state once', () => {
    const store = start();
    store.watch((state) => state.count, (count) => {
      if (count === 1) store.set({ label: 'one' });
    });
    const labels: string[] = [];
    store.watch((state) => state.label, (label) => labels.push(label));
    store.set({ count: 1 });
    expect(labels).toEqual(['one']);
    expect(store.state).toEqual({ count: 1, label: 'one', items: [] });
  });

  it('stops telling a watcher that unsubscribed, even during a notification', () => {
    const store = start();
    const seen: number[] = [];
    let stopSecond = (): void => undefined;
    store.watch((state) => state.count, () => stopSecond());
    stopSecond = store.watch((state) => state.count, (count) => seen.push(count));
    store.set({ count: 1 });
    expect(seen).toEqual([]);
  });
});

describe('shallowEqual', () => {
  it('holds for identical values and for arrays or plain objects of identical items', () => {
    const shared = { a: 1 };
    expect(shallowEqual(shared, shared)).toBe(true);
    expect(shallowEqual([1, shared], [1, shared])).toBe(true);
    expect(shallowEqual({ x: shared }, { x: shared })).toBe(true);
    expect(shallowEqual([1, { a: 1 }], [1, { a: 1 }])).toBe(false);
    expect(shallowEqual({ x: 1 }, { x: 1, y: undefined })).toBe(false);
    expect(shallowEqual(new Map(), new Map())).toBe(false);
    expect(shallowEqual(Number.NaN, Number.NaN)).toBe(true);
  });
});
