import type { DiffReport } from '@a6/ledger';
import { isRecord } from '../server-api/index.ts';
import type { RulebookReference } from './analysis-client.ts';

/** The body of `POST /api/diff` (docs/api.md "Rulebook diffs"): A, B and, to search for a witness, its settings. */
export interface DiffRequest {
  readonly a: RulebookReference;
  readonly b: RulebookReference;
  readonly witness?: { readonly seed?: string; readonly maxEvents?: number; readonly histories?: number; readonly budgetMs?: number };
}

/** An `a6.diff/1` document as the server sends it; `undefined` when the body is something else. */
export function decodeDiffReport(body: unknown): DiffReport | undefined {
  if (!isRecord(body) || body.format !== 'a6.diff/1' || !Array.isArray(body.rulebooks) || !Array.isArray(body.differences)) return undefined;
  if (!(body.witness === null || (isRecord(body.witness) && Array.isArray(body.witness.events) && isRecord(body.witness.compare)))) return undefined;
  if (!isRecord(body.searched) || typeof body.searched.status !== 'string') return undefined;
  return body as unknown as DiffReport;
}
