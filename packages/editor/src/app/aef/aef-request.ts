import type { AefFinding, AefReport } from '@a6/ledger';
import { authorization, isRecord, serverRefusal, failure, type ServerIssue, type TokenSource } from '../server-api/index.ts';

/** What the AEF dialog asks `GET /api/histories/:id/aef` for (docs/api.md). */
export interface AefRequest {
  readonly history: string;
  readonly party: string;
  readonly year: number;
  /** `FILE.a6#NAME`; `null`: the history's rulebook in force. */
  readonly rulebook: string | null;
}

export type AefAnswer =
  | { readonly status: 'ok'; readonly report: AefReport }
  /** `check=true` refused the report: its located findings, and the report itself (built without the check) for inspection. */
  | { readonly status: 'findings'; readonly findings: readonly AefFinding[]; readonly report: AefReport | null }
  | { readonly status: 'failed'; readonly issue: ServerIssue };

export function aefUrl(request: AefRequest, format: 'json' | 'xlsx', check: boolean): string {
  const query = new URLSearchParams({ party: request.party, year: String(request.year), format });
  if (request.rulebook !== null) query.set('rulebook', request.rulebook);
  if (check) query.set('check', 'true');
  return `api/histories/${encodeURIComponent(request.history)}/aef?${query}`;
}

async function fetchReport(request: AefRequest, token: TokenSource, check: boolean): Promise<{ ok: true; report: AefReport } | { ok: false; issue: ServerIssue }> {
  const url = aefUrl(request, 'json', check);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...authorization(token) } });
  } catch (error) {
    return failure('editor.server_unreachable', `server not reachable (GET ${url}: ${error instanceof Error ? error.message : String(error)})`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('editor.bad_response', `GET ${url}: the response is not JSON`);
  }
  if (!response.ok) return serverRefusal(`GET ${url}`, response, body);
  if (!isRecord(body) || body.format !== 'a6.aef/1') return failure('editor.bad_response', `GET ${url}: not an a6.aef/1 report`);
  return { ok: true, report: body as unknown as AefReport };
}

/** The checked report, or the findings that refused it (then the unchecked report, to download and inspect). */
export async function requestAef(request: AefRequest, token: TokenSource): Promise<AefAnswer> {
  const checked = await fetchReport(request, token, true);
  if (checked.ok) return { status: 'ok', report: checked.report };
  const details = checked.issue.details;
  if (checked.issue.serverCode !== 'aef.check_failed' || !isRecord(details) || !Array.isArray(details.findings)) return { status: 'failed', issue: checked.issue };
  const unchecked = await fetchReport(request, token, false);
  return { status: 'findings', findings: details.findings as AefFinding[], report: unchecked.ok ? unchecked.report : null };
}

/** The workbook (`format=xlsx`): built on the server, the only place the xlsx writer runs. */
export async function requestAefWorkbook(request: AefRequest, token: TokenSource): Promise<{ ok: true; blob: Blob } | { ok: false; issue: ServerIssue }> {
  const url = aefUrl(request, 'xlsx', false);
  try {
    const response = await fetch(url, { headers: authorization(token) });
    if (!response.ok) return serverRefusal(`GET ${url}`, response, await response.json().catch(() => null));
    return { ok: true, blob: await response.blob() };
  } catch (error) {
    return failure('editor.server_unreachable', `server not reachable (GET ${url}: ${error instanceof Error ? error.message : String(error)})`);
  }
}
