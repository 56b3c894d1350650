// The `generate` step (conventions: the typed ohm bundle is generated, git-ignored, never hand-edited).
// Regenerates only when a grammar is newer than its bundle, so `pnpm a6 …` starts fast.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const grammarDir = fileURLToPath(new URL('../packages/dsl/src/grammar/', import.meta.url));
const dslDir = fileURLToPath(new URL('../packages/dsl/', import.meta.url));
const force = process.argv.includes('--force');

const stale = readdirSync(grammarDir)
  .filter((name) => name.endsWith('.ohm'))
  .some((name) => {
    const grammar = statSync(grammarDir + name).mtimeMs;
    return [`${name}-bundle.js`, `${name}-bundle.d.ts`].some(
      (bundle) => !existsSync(grammarDir + bundle) || statSync(grammarDir + bundle).mtimeMs < grammar,
    );
  });

if (force || stale) {
  const ohm = fileURLToPath(new URL('../packages/dsl/node_modules/.bin/ohm', import.meta.url));
  const result = spawnSync(ohm, ['generateBundles', '--withTypes', '--esm', 'src/grammar/*.ohm'], {
    cwd: dslDir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write(`generate: ohm generateBundles failed (${result.error?.message ?? `exit ${result.status}`})\n`);
    process.exit(3);
  }
}
