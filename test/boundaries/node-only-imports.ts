import { isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Marks the resolution this plugin asks esbuild for itself, so it does not intercept it again. */
const INNER = Symbol('inner resolution');

/**
 * Node built-ins that esbuild, resolving for the browser, cannot map (a package's `browser` field may
 * map `fs` to an empty module; `node:fs` and an unmapped `fs` stay unresolved) are kept as external
 * imports so the bundle completes and the metafile shows who imports them.
 */
const keepNodeBuiltinsExternal: Plugin = {
  name: 'keep-node-builtins-external',
  setup(esbuild) {
    esbuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === INNER || !isBuiltin(args.path)) return undefined;
      const inBrowser = await esbuild.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: INNER });
      return inBrowser.errors.length === 0 ? inBrowser : { path: args.path, external: true };
    });
  },
};

/**
 * Every chain of imports (static, dynamic or `require`) from `entry` (repository-relative) to a Node
 * built-in, when bundled for the browser: `entry → … → module → node:fs`, one per importing module,
 * shortest first. Empty when the entry is browser-safe.
 */
export async function nodeOnlyImportChains(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    plugins: [keepNodeBuiltinsExternal],
  });
  return chainsToBuiltins(result.metafile, entry);
}

function chainsToBuiltins(metafile: Metafile, entry: string): string[] {
  // Breadth-first from the entry, so each module is reached by a shortest chain.
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const chains: string[] = [];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const imported of metafile.inputs[next]?.imports ?? []) {
      if (imported.external) {
        if (isBuiltin(imported.path)) chains.push([...chainTo(parent, next), imported.path].join(' → '));
        continue;
      }
      if (parent.has(imported.path)) continue;
      parent.set(imported.path, next);
      queue.push(imported.path);
    }
  }
  return chains;
}

function chainTo(parent: ReadonlyMap<string, string | null>, module: string): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = module; at != null; at = parent.get(at)) chain.unshift(at);
  return chain;
}
