import type { ReplayReport } from '@a6/ledger';
import { A6_LANGUAGE_ID } from '../language/index.ts';
import { monaco } from '../monaco/index.ts';
import type { DocumentSymbolInfo } from '../worker/index.ts';
import { pathOfModel } from '../workspace/index.ts';
import { rejectionCounts, type RuleRejections } from './rejection-counts.ts';
import { workspacePathCandidates } from './report-paths.ts';

/** The command a lens runs: show that rule's rejections in the Run view. */
export const SHOW_RULE_REJECTIONS = 'a6.showRuleRejections';

/** The document symbols of an open file, or `null` when the language service cannot say. */
export type SymbolSource = (path: string) => Promise<readonly DocumentSymbolInfo[] | null>;

interface LastReplay {
  readonly report: ReplayReport;
  readonly history: string;
  /** The workspace path the replay started from; report file names are relative to it. */
  readonly entryPath: string;
  readonly counts: readonly RuleRejections[];
  /** Model versions when the replay ran: without symbols, a lens sits on the check's line only while the text is unchanged. */
  readonly versions: ReadonlyMap<string, number>;
}

interface RuleSymbol {
  readonly rule: DocumentSymbolInfo;
  readonly rulebook: DocumentSymbolInfo | null;
}

function ruleSymbols(symbols: readonly DocumentSymbolInfo[]): RuleSymbol[] {
  return symbols.flatMap((symbol): RuleSymbol[] =>
    symbol.kind === 'rule'
      ? [{ rule: symbol, rulebook: null }]
      : (symbol.children ?? []).filter((child) => child.kind === 'rule').map((rule) => ({ rule, rulebook: symbol })),
  );
}

/**
 * Code lenses over rules: how many events each rejected in the last replay. Rules are found by name
 * through the language service's document symbols (so lenses follow edits); a rule of the replayed
 * rulebook that rejected nothing says so. Without symbols the lens sits on the failing check's line,
 * and only while the file is as it was replayed.
 */
export class RejectionLenses {
  private last: LastReplay | null = null;
  private readonly changed = new monaco.Emitter<monaco.languages.CodeLensProvider>();
  private readonly provider: monaco.languages.CodeLensProvider;
  private readonly registration: monaco.IDisposable;

  constructor(private readonly symbolsOf: SymbolSource) {
    this.provider = {
      onDidChange: this.changed.event,
      provideCodeLenses: async (model) => ({ lenses: await this.lensesFor(model), dispose: () => undefined }),
    };
    this.registration = monaco.languages.registerCodeLensProvider(A6_LANGUAGE_ID, this.provider);
  }

  /** After each replay (`null` clears the lenses). */
  update(report: ReplayReport | null, history = '', entryPath = ''): void {
    if (report === null) {
      this.last = null;
    } else {
      const versions = new Map(monaco.editor.getModels().flatMap((model) => {
        const path = pathOfModel(model);
        return path ? [[path, model.getAlternativeVersionId()] as const] : [];
      }));
      this.last = { report, history, entryPath, counts: rejectionCounts(report), versions };
    }
    this.changed.fire(this.provider);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }

  private async lensesFor(model: monaco.editor.ITextModel): Promise<monaco.languages.CodeLens[]> {
    const path = pathOfModel(model);
    const last = this.last;
    if (!path || !last) return [];
    const isThisFile = (file: string) => workspacePathCandidates(last.entryPath, file).includes(path);
    const counts = last.counts.filter((counted) => isThisFile(counted.file));
    const replayed = isThisFile(last.report.rulebook.file ?? last.entryPath) ? last.report.rulebook.name : null;
    if (counts.length === 0 && replayed === null) return [];
    const where = `${last.report.rulebook.name} over ${last.history}`;
    const lens = (line: number, rule: string, events: number): monaco.languages.CodeLens => ({
      range: new monaco.Range(line, 1, line, 1),
      id: `${path}:${rule}:${line}`,
      command: {
        id: SHOW_RULE_REJECTIONS,
        title: events === 0 ? `rejected no event in the last replay (${where})` : `rejected ${events} event${events === 1 ? '' : 's'} in the last replay (${where})`,
        tooltip: events === 0 ? undefined : `Show the rejections of ${rule}`,
        arguments: [rule],
      },
    });

    const symbols = await this.symbolsOf(path);
    if (symbols === null) {
      if (last.versions.get(path) !== model.getAlternativeVersionId()) return [];
      return counts.map((counted) => lens(counted.lines[0]!, counted.rule, counted.events));
    }
    const rules = ruleSymbols(symbols);
    const lenses: monaco.languages.CodeLens[] = [];
    const placed = new Set<DocumentSymbolInfo>();
    for (const counted of counts) {
      const named = rules.filter((candidate) => candidate.rule.name === counted.rule);
      // Two rulebooks of one file may declare the same rule name (a child replacing its parent's): pick the one holding the check.
      const holding = named.find((candidate) => counted.lines.some((line) => candidate.rule.range.start.line <= line && line <= candidate.rule.range.end.line));
      const chosen = holding ?? named[0];
      if (!chosen) continue;
      placed.add(chosen.rule);
      lenses.push(lens(chosen.rule.selectionRange.start.line, counted.rule, counted.events));
    }
    if (replayed !== null) {
      for (const candidate of rules) {
        if (candidate.rulebook?.name !== replayed || placed.has(candidate.rule)) continue;
        if (counts.some((counted) => counted.rule === candidate.rule.name)) continue;
        lenses.push(lens(candidate.rule.selectionRange.start.line, candidate.rule.name, 0));
      }
    }
    return lenses;
  }
}
