import type { AnalysisListener, AnalysisOutcome } from '../analysis/index.ts';
import type { HistoryEntry, ServerResult } from '../server-api/index.ts';
import { element, formatExact, requireElement } from '../shell/index.ts';
import { formatRulebookChoice, type PanelView, type RulebookChoice } from '../url-state/index.ts';

/** Progress and status of one view's job (Run or Compare). */
class JobControls {
  readonly start: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLSpanElement;

  constructor(prefix: 'run' | 'compare') {
    this.start = requireElement(`${prefix}-start`, HTMLButtonElement);
    this.cancel = requireElement(`${prefix}-cancel`, HTMLButtonElement);
    this.progress = requireElement(`${prefix}-progress`, HTMLProgressElement);
    this.status = requireElement(`${prefix}-status`, HTMLSpanElement);
  }

  busy(text: string): void {
    this.start.disabled = true;
    this.cancel.disabled = false;
    this.progress.hidden = false;
    // No value: an indeterminate bar until the server says how many events the job folds.
    this.progress.removeAttribute('value');
    this.status.textContent = text;
  }

  advance(done: number, total: number, verb: string): void {
    this.progress.max = Math.max(1, total);
    this.progress.value = Math.min(done, total);
    this.progress.setAttribute('aria-valuetext', `${formatExact(done)} of ${formatExact(total)} events`);
    this.status.textContent = `${verb} ${formatExact(done)} / ${formatExact(total)} events…`;
  }

  /** A job's listener that moves this bar: `verb` names the work (`Replaying 12 / 915 events…`). */
  progressListener(verb: string): AnalysisListener {
    return {
      onJob: (job) => this.advance(0, job.total, verb),
      onProgress: (progress) => this.advance(progress.done, progress.total, verb),
    };
  }

  idle(text: string): void {
    this.start.disabled = false;
    this.cancel.disabled = true;
    this.progress.hidden = true;
    this.status.textContent = text;
  }

  /** The report of a finished job; a cancelled or failed one says so (`verb cancelled.`) and gives `null`. */
  settle<R>(outcome: AnalysisOutcome<R>, verb: string): R | null {
    if (outcome.status === 'done') return outcome.report;
    if (outcome.status === 'cancelled') this.idle(`${verb} cancelled.`);
    else this.idle(`${verb} failed: ${outcome.issue.message}`);
    return null;
  }
}

const VIEWS: readonly PanelView[] = ['run', 'compare'];

/**
 * The bottom panel: Run and Compare tabs (WAI-ARIA tabs: arrow keys, Home, End), the rulebook and
 * history choices both views share, and the compare selection.
 */
export class AnalysisPanel {
  readonly run = new JobControls('run');
  readonly compare = new JobControls('compare');
  readonly runResults = requireElement('results-body', HTMLDivElement);
  readonly compareResults = requireElement('compare-body', HTMLDivElement);
  private readonly historySelect = requireElement('history-select', HTMLSelectElement);
  private readonly rulebookSelect = requireElement('rulebook-select', HTMLSelectElement);
  private readonly compareOptions = requireElement('compare-options', HTMLDivElement);
  private readonly compareBaseline = requireElement('compare-baseline', HTMLParagraphElement);
  private readonly tabs = new Map<PanelView, HTMLButtonElement>(VIEWS.map((view) => [view, requireElement(`tab-${view}`, HTMLButtonElement)]));
  private currentView: PanelView = 'run';
  private readonly viewListeners = new Set<(view: PanelView) => void>();
  private readonly choiceListeners = new Set<() => void>();

  constructor() {
    for (const [view, tab] of this.tabs) {
      tab.addEventListener('click', () => this.show(view));
      tab.addEventListener('keydown', (event) => {
        const index = VIEWS.indexOf(view);
        const next =
          event.key === 'ArrowRight' ? VIEWS[(index + 1) % VIEWS.length]
          : event.key === 'ArrowLeft' ? VIEWS[(index - 1 + VIEWS.length) % VIEWS.length]
          : event.key === 'Home' ? VIEWS[0]
          : event.key === 'End' ? VIEWS.at(-1)
          : undefined;
        if (next === undefined) return;
        event.preventDefault();
        this.show(next, true);
      });
    }
    const choiceChanged = () => {
      for (const listener of this.choiceListeners) listener();
    };
    this.historySelect.addEventListener('change', choiceChanged);
    this.rulebookSelect.addEventListener('change', choiceChanged);
    this.compareOptions.addEventListener('change', choiceChanged);
  }

  /** The user changed the history, the rulebook or the compare selection. */
  onChoiceChange(listener: () => void): void {
    this.choiceListeners.add(listener);
  }

  get view(): PanelView {
    return this.currentView;
  }

  show(view: PanelView, focusTab = false): void {
    this.currentView = view;
    for (const [name, tab] of this.tabs) {
      const selected = name === view;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      requireElement(`${name}-view`, HTMLDivElement).hidden = !selected;
    }
    if (focusTab) this.tabs.get(view)!.focus();
    for (const listener of this.viewListeners) listener(view);
  }

  onViewChange(listener: (view: PanelView) => void): void {
    this.viewListeners.add(listener);
  }

  /** Fills the history choice; keeps `preferred` when the server has it. */
  setHistories(result: ServerResult<readonly HistoryEntry[]>, preferred: string | null): void {
    const select = this.historySelect;
    if (!result.ok) {
      select.replaceChildren(element('option', { textContent: 'No server: no history' }));
      select.value = '';
      select.disabled = true;
      return;
    }
    select.disabled = result.value.length === 0;
    select.replaceChildren(
      ...(result.value.length === 0 ? [element('option', { textContent: 'No history in the store' })] : []),
      ...result.value.map((history) => {
        const option = element('option', { textContent: history.events === null ? history.id : `${history.id} (${formatExact(history.events)} events)` });
        option.value = history.id;
        return option;
      }),
    );
    if (preferred !== null && result.value.some((history) => history.id === preferred)) select.value = preferred;
  }

  /** Selects a history the list holds (a click in the side bar). */
  chooseHistory(id: string): void {
    if ([...this.historySelect.options].some((option) => option.value === id)) this.historySelect.value = id;
  }

  get history(): string | null {
    return this.historySelect.disabled || this.historySelect.value === '' ? null : this.historySelect.value;
  }

  /** The rulebooks the open file declares; `''` is the file's default (the last one it declares). */
  setRulebookNames(names: readonly string[], selected: string | null): void {
    const current = selected ?? this.rulebook;
    const fallback = element('option', { textContent: names.length > 0 ? `default (${names.at(-1)})` : 'default (last declared)' });
    fallback.value = '';
    this.rulebookSelect.replaceChildren(
      fallback,
      ...names.map((name) => {
        const option = element('option', { textContent: name });
        option.value = name;
        return option;
      }),
    );
    this.rulebookSelect.value = current !== null && names.includes(current) ? current : '';
  }

  /** The chosen rulebook name, `null` for the file's default. */
  get rulebook(): string | null {
    return this.rulebookSelect.value === '' ? null : this.rulebookSelect.value;
  }

  setBaseline(text: string): void {
    this.compareBaseline.textContent = text;
  }

  /** One checkbox per rulebook of the workspace, keeping the checked ones checked. */
  setCompareOptions(options: readonly RulebookChoice[], checked: readonly RulebookChoice[]): void {
    const wanted = new Set(checked.map(formatRulebookChoice));
    // Chosen ones first, so a link's selection is visible without scrolling the list.
    const ordered = [...options.filter((choice) => wanted.has(formatRulebookChoice(choice))), ...options.filter((choice) => !wanted.has(formatRulebookChoice(choice)))];
    this.compareOptions.replaceChildren(
      ...ordered.map((choice) => {
        const value = formatRulebookChoice(choice);
        const input = element('input');
        input.type = 'checkbox';
        input.value = value;
        input.checked = wanted.has(value);
        input.id = `compare-${value.replace(/[^A-Za-z0-9_-]/g, '_')}`;
        const label = element('label', {}, input, ` ${choice.name ?? choice.file}`);
        label.append(element('span', { className: 'item-detail', textContent: choice.file }));
        return label;
      }),
    );
    if (options.length === 0) this.compareOptions.append(element('p', { className: 'muted', textContent: 'No stored rulebooks to compare with (the server is not reachable or stores none).' }));
  }

  get compareChoices(): RulebookChoice[] {
    return [...this.compareOptions.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')].map((input) => {
      const hash = input.value.indexOf('#');
      return hash < 0 ? { file: input.value } : { file: input.value.slice(0, hash), name: input.value.slice(hash + 1) };
    });
  }
}
