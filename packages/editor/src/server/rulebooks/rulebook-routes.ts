import { Router, type Request } from 'express';
import { z } from 'zod';
import { requireRole } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseRequest } from '../http/parse-request.ts';
import type { RulebookWorkspace } from '@a6/ledger/store';
import { READ_ROLES } from '../read-roles.ts';
import { assertRulebookFileName } from './rulebook-file-name.ts';
import type { CheckPool } from '../../jobs/check-pool.ts';
import { declaredRulebooks, hasErrors } from './rulebook-workspace.ts';
import { WorkspaceCompiler } from './workspace-compiler.ts';

const sourceBody = z.strictObject({ source: z.string() });
const checkBody = z.strictObject({ source: z.string(), file: z.string().optional() });
const versionQuery = z.object({ version: z.coerce.number().int().positive().optional() });

/**
 * The rulebook workspace over HTTP (cli.md "Server"): list, read with version history, save a new
 * version (designer; refused with the diagnostics when the program has errors), check a text. Both
 * checks run in a worker thread (`CheckPool`, docs/reliability.md "Bounded checks").
 */
export function rulebookRoutes(workspace: RulebookWorkspace, checks: CheckPool): Router {
  const compiler = new WorkspaceCompiler(workspace);
  const router = Router();

  router.get('/rulebooks', requireRole(...READ_ROLES), async (_request, response) => {
    const sources = await compiler.sources();
    const files = await workspace.listFiles();
    response.json({
      files: files.map((summary) => ({
        file: summary.file,
        sha256: summary.sha256,
        versions: summary.versions,
        savedAt: summary.savedAt,
        rulebooks: declaredRulebooks(summary.file, sources[summary.file] ?? ''),
      })),
    });
  });

  router.get('/rulebooks/*file', requireRole(...READ_ROLES), async (request, response) => {
    const file = fileParam(request);
    const { version } = parseRequest(versionQuery, request.query, 'query');
    const versions = await workspace.versions(file);
    const chosen = version === undefined ? versions.at(-1) : versions.find((entry) => entry.version === version);
    if (chosen === undefined) {
      throw new ApiError(404, 'server.unknown_rulebook_file', versions.length === 0 ? `no saved rulebook file ${file}` : `${file} has no version ${version}`);
    }
    response.json({
      file,
      version: chosen.version,
      sha256: chosen.sha256,
      savedAt: chosen.savedAt,
      source: chosen.source,
      rulebooks: declaredRulebooks(file, chosen.source),
      versions: versions.map((entry) => ({ version: entry.version, sha256: entry.sha256, savedAt: entry.savedAt })),
    });
  });

  router.put('/rulebooks/*file', requireRole('designer'), async (request, response) => {
    const file = fileParam(request);
    const source = typeof request.body === 'string' ? request.body : parseRequest(sourceBody, request.body).source;
    const { diagnostics, rulebooks } = await checks.check(file, { ...(await compiler.sources()), [file]: source });
    if (hasErrors(diagnostics)) {
      const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      throw new ApiError(422, 'rulebook.invalid', `${file} was not saved: ${errors} error(s)`, diagnostics);
    }
    const before = (await workspace.versions(file)).at(-1);
    const saved = await workspace.save(file, source);
    response.status(before?.sha256 === saved.sha256 ? 200 : 201).json({
      file,
      version: saved.version,
      sha256: saved.sha256,
      savedAt: saved.savedAt,
      saved: before?.sha256 !== saved.sha256,
      rulebooks,
      diagnostics,
    });
  });

  router.post('/check', requireRole(...READ_ROLES), async (request, response) => {
    const body = parseRequest(checkBody, request.body);
    const file = assertRulebookFileName(body.file ?? 'untitled.a6');
    const { diagnostics, rulebooks } = await checks.check(file, { ...(await compiler.sources()), [file]: body.source });
    response.json({ file, ok: !hasErrors(diagnostics), rulebooks, diagnostics });
  });

  return router;
}

/** `*file` in express 5 is the list of path segments (each already URL-decoded). */
function fileParam(request: Request): string {
  const raw = (request.params as Record<string, string | string[] | undefined>).file;
  return assertRulebookFileName(Array.isArray(raw) ? raw.join('/') : (raw ?? ''));
}
