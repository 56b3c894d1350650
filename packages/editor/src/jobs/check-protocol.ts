import type { Diagnostic } from '@a6/dsl';
import type { DeclaredRulebook } from '../server/rulebooks/rulebook-workspace.ts';

/** One language check: `entry` among `sources` (the workspace with the unsaved text in place). */
export interface CheckRequest {
  readonly id: number;
  readonly entry: string;
  readonly sources: Readonly<Record<string, string>>;
}

export interface CheckOutcome {
  readonly diagnostics: readonly Diagnostic[];
  readonly rulebooks: readonly DeclaredRulebook[];
}

export type CheckReply = ({ readonly id: number; readonly ok: true } & CheckOutcome) | { readonly id: number; readonly ok: false; readonly message: string };
