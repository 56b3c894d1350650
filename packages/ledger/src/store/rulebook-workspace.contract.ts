import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreSet } from './store-set.ts';

/** What a case of the workspace contract gets: the workspace and the history store beside it. */
export type WorkspaceUnderTest = Pick<StoreSet, 'store' | 'workspace' | 'close'>;

export interface RulebookWorkspaceContractOptions {
  /**
   * Reopens what `make` returned most recently, after it was closed (durable backends); when absent
   * the "reopen keeps versions" case is not part of this implementation's run.
   */
  readonly reopen?: () => Promise<WorkspaceUnderTest>;
}

/**
 * The one contract every `RulebookWorkspace` implementation passes (conventions §6). Each case gets
 * a fresh, empty workspace from `make` (with the history store of the same backend, to show the
 * workspace lives outside every history); the suite closes it after each case.
 */
export function describeRulebookWorkspaceContract(
  name: string,
  make: () => Promise<WorkspaceUnderTest>,
  options: RulebookWorkspaceContractOptions = {},
): void {
  describe(`RulebookWorkspace contract: ${name}`, () => {
    let opened: WorkspaceUnderTest;

    beforeEach(async () => {
      opened = await make();
    });

    afterEach(async () => {
      await opened.close();
    });

    it('keeps versions of saved rulebook files in the shared workspace', async () => {
      const { workspace, store } = opened;
      expect(await workspace.listFiles()).toEqual([]);
      const first = await workspace.save('glasgow.a6', 'rulebook Glasgow {}\n');
      expect(first).toMatchObject({ file: 'glasgow.a6', version: 1, source: 'rulebook Glasgow {}\n' });
      expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
      const unchanged = await workspace.save('glasgow.a6', 'rulebook Glasgow {}\n');
      expect(unchanged.version).toBe(1);
      const second = await workspace.save('glasgow.a6', 'rulebook Glasgow { }\n');
      expect(second.version).toBe(2);
      await workspace.save('baseline.a6', 'rulebook Baseline {}\n');
      expect((await workspace.versions('glasgow.a6')).map((version) => [version.version, version.sha256])).toEqual([
        [1, first.sha256],
        [2, second.sha256],
      ]);
      expect((await workspace.listFiles()).map((file) => [file.file, file.versions, file.sha256])).toEqual([
        ['baseline.a6', 1, expect.any(String)],
        ['glasgow.a6', 2, second.sha256],
      ]);
      expect(await workspace.versions('missing.a6')).toEqual([]);
      expect(await store.listHistories()).toEqual([]);
    });

    it('numbers concurrent saves of one file without a gap or a repeat', async () => {
      const sources = Array.from({ length: 6 }, (_, index) => `rulebook Concurrent${index} {}\n`);
      const saved = await Promise.all(sources.map((source) => opened.workspace.save('race.a6', source)));
      expect(saved.map((version) => version.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
      const versions = await opened.workspace.versions('race.a6');
      expect(versions.map((version) => version.version)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(new Set(versions.map((version) => version.source))).toEqual(new Set(sources));
      expect(await opened.workspace.listFiles()).toMatchObject([{ file: 'race.a6', versions: 6, sha256: versions.at(-1)?.sha256 }]);
    });

    it('saves a batch of files in one write, unchanged files keeping their version', async () => {
      const { workspace } = opened;
      await workspace.save('base.a6', 'rulebook Base {}\n');
      await workspace.save('child.a6', 'rulebook Child {}\n');
      const saved = await workspace.saveAll([
        { file: 'base.a6', source: 'rulebook Renamed {}\n' },
        { file: 'child.a6', source: 'rulebook Child {}\n' },
        { file: 'new.a6', source: 'rulebook New {}\n' },
      ]);
      expect(saved.map((version) => [version.file, version.version])).toEqual([
        ['base.a6', 2],
        ['child.a6', 1],
        ['new.a6', 1],
      ]);
      expect((await workspace.listFiles()).map((summary) => [summary.file, summary.versions])).toEqual([
        ['base.a6', 2],
        ['child.a6', 1],
        ['new.a6', 1],
      ]);
    });

    it('refuses a batch naming one file twice and writes none of it', async () => {
      const { workspace } = opened;
      const batch = [
        { file: 'a.a6', source: 'rulebook A {}\n' },
        { file: 'b.a6', source: 'rulebook B {}\n' },
        { file: 'a.a6', source: 'rulebook A2 {}\n' },
      ];
      await expect(workspace.saveAll(batch)).rejects.toMatchObject({ code: 'store.duplicate_file' });
      expect(await workspace.listFiles()).toEqual([]);
    });

    if (options.reopen !== undefined) {
      const reopen = options.reopen;
      it('keeps saved versions after close and reopen', async () => {
        await opened.workspace.save('glasgow.a6', 'rulebook Glasgow {}\n');
        await opened.close();
        opened = await reopen();
        expect((await opened.workspace.versions('glasgow.a6')).map((version) => version.version)).toEqual([1]);
      });
    }
  });
}
