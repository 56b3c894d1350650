import { Router, type Response } from 'express';
import { z } from 'zod';
import { AEF_TABLES, aefCsvTables, checkAef, renderAefJson, type AefReport } from '@a6/ledger';
import { writeAefXlsx } from '@a6/ledger/aef-xlsx';
import { isHistoryId, type RulebookWorkspace } from '@a6/ledger/store';
import { requirePrincipal } from '../auth/index.ts';
import { ApiError } from '../http/api-error.ts';
import { parseRequest } from '../http/parse-request.ts';
import type { LiveLedger } from '../live/index.ts';
import { AUDIT_ROLES } from '../read-roles.ts';
import { assertRulebookFileName } from '../rulebooks/rulebook-file-name.ts';
import { WorkspaceCompiler } from '../rulebooks/workspace-compiler.ts';
import { JobRefused, type AefJobQuery, type JobPool, type RulebookChoice } from '../../jobs/index.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const aefQuery = z.strictObject({
  party: z.string().regex(/^[A-Z]{3}$/, 'party is an ISO 3166-1 alpha-3 code like RWA'),
  year: z.string().regex(/^\d{4}$/, 'year is a four-digit year like 2025').transform(Number),
  rulebook: z.string().regex(/^[^#]+(#[a-z_][a-z0-9_]*)?$/, 'rulebook is FILE.a6 or FILE.a6#NAME').optional(),
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  table: z.enum(AEF_TABLES).optional(),
  version: z.string().regex(/^[1-9]\d{0,8}$/, 'version is a positive integer').transform(Number).optional(),
  check: z.enum(['true', 'false']).transform((text) => text === 'true').optional(),
});
type AefQuery = z.output<typeof aefQuery>;

/**
 * `GET /api/histories/:id/aef?party=&year=[&rulebook=FILE.a6#NAME][&format=json|csv|xlsx][&table=T1…T5]
 * [&version=N][&check=true]` (docs/api.md, auditor or above): the AEF of one Party and year, built in a
 * worker like a replay. Without `rulebook`, the history's rulebook in force. `check=true` runs the
 * pre-consistency checks first and answers 422 `aef.check_failed` with the located findings instead of
 * the report, as `a6 aef --check` exits 1 and writes nothing.
 */
export function aefRoute(workspace: RulebookWorkspace, live: LiveLedger, pool: JobPool): Router {
  const compiler = new WorkspaceCompiler(workspace);
  const router = Router();
  router.get('/histories/:id/aef', async (request, response) => {
    const principal = requirePrincipal(response, AUDIT_ROLES);
    const history = String(request.params.id ?? '');
    if (!isHistoryId(history)) throw new ApiError(400, 'request.bad_history_id', `${JSON.stringify(history)} is not a history id ([A-Za-z0-9._-]{1,64})`);
    const query = parseRequest(aefQuery, request.query, 'query');
    if (query.format === 'csv' && query.table === undefined) throw new ApiError(400, 'request.invalid', 'invalid query: table: format=csv answers one table: add table=T1 … T5', [{ path: 'table', message: 'required with format=csv' }]);
    const sources = await compiler.sources();
    const { choice, sha256 } = await rulebookChoice(query, history, live);
    if (sources[choice.entry] === undefined) throw new ApiError(404, 'server.unknown_rulebook_file', `no saved rulebook file ${choice.entry}`);
    const aef: AefJobQuery = { party: query.party, year: query.year, version: query.version ?? 1, sha256 };
    let job;
    try {
      job = await pool.submit({ history, owner: principal.tokenHash, work: { kind: 'aef', sources, rulebooks: [choice], asOf: null, html: false, aef } });
    } catch (error) {
      if (error instanceof JobRefused) throw new ApiError(error.failure.status, error.failure.code, error.failure.message, error.failure.details);
      throw error;
    }
    response.on('close', () => {
      if (!response.writableFinished) pool.cancel(job.id);
    });
    const result = await job.result;
    if (response.writableEnded || response.destroyed) return;
    if (!result.ok) throw new ApiError(result.error.status, result.error.code, result.error.message, result.error.details);
    await answer(response, result.report as AefReport, query);
  });
  return router;
}

/** The rulebook of the query, else the one in force (which must still compile to its adopted sha256). */
async function rulebookChoice(query: AefQuery, history: string, live: LiveLedger): Promise<{ choice: RulebookChoice; sha256: string | null }> {
  if (query.rulebook !== undefined) {
    const [file, name] = query.rulebook.split('#') as [string, string | undefined];
    const entry = assertRulebookFileName(file);
    return { choice: name === undefined ? { entry } : { entry, name }, sha256: null };
  }
  const inForce = await live.inForce(history);
  if (inForce === null || inForce.file === null) {
    throw new ApiError(400, 'aef.no_rulebook', `history ${history} has no rulebook in force with a saved file; name one with rulebook=FILE.a6#NAME`, [{ path: 'rulebook', message: 'required' }]);
  }
  return { choice: { entry: inForce.file, name: inForce.name }, sha256: inForce.sha256 };
}

async function answer(response: Response, report: AefReport, query: AefQuery): Promise<void> {
  if (query.check === true) {
    const findings = checkAef(report);
    if (findings.length > 0) {
      throw new ApiError(422, 'aef.check_failed', `${findings.length} pre-consistency finding${findings.length === 1 ? '' : 's'} in the AEF of ${report.party} for ${report.year}`, { findings, warnings: report.warnings, digest: report.digest });
    }
  }
  const base = `aef-${report.party}-${report.year}`;
  response.setHeader('X-A6-Aef-Digest', report.digest);
  response.setHeader('X-A6-Aef-Warnings', String(report.warnings.length));
  if (query.format === 'json') {
    response.type('application/json').send(renderAefJson(report));
  } else if (query.format === 'csv') {
    response.attachment(`${base}-${query.table!}.csv`).type('text/csv; charset=utf-8').send(aefCsvTables(report)[query.table!]);
  } else {
    response.attachment(`${base}.xlsx`).type(XLSX_TYPE).send(Buffer.from(await writeAefXlsx(report)));
  }
}
