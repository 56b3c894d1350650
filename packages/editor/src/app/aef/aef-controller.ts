import { aefCsvTables, renderAefJson, type AefReport } from '@a6/ledger';
import type { AppContext } from '../app-context.ts';
import { download, element, requireElement } from '../shell/index.ts';
import { isStored, type AppState } from '../state/index.ts';
import { AefDialog } from './aef-dialog.ts';
import { requestAef, requestAefWorkbook, type AefRequest } from './aef-request.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The Run view's "AEF report…" button (docs/aef.md, `GET /api/histories/:id/aef`): the Parties and
 * years come from the last replay of the chosen history; the rulebook is the replayed one when it is a
 * saved, unmodified file, else the history's rulebook in force.
 */
export class AefController {
  private readonly dialog = new AefDialog();
  readonly button = element('button', { textContent: 'AEF report…', title: "The reporting Party's annual Article 6.2 information (AEF), checked" });

  constructor(private readonly context: AppContext) {
    this.button.type = 'button';
    this.button.id = 'run-aef';
    requireElement('run-cancel', HTMLButtonElement).after(this.button);
    this.button.addEventListener('click', () => this.open());
    this.dialog.build.addEventListener('click', () => void this.build());
    context.store.watch((state) => [state.selection.history, state.replay.last] as const, () => this.refresh());
    this.refresh();
  }

  private lastReplay(state: AppState) {
    const last = state.replay.last;
    return last !== null && last.history === state.selection.history ? last : null;
  }

  private refresh(): void {
    this.button.disabled = this.lastReplay(this.context.store.state) === null;
  }

  private open(): void {
    const last = this.lastReplay(this.context.store.state);
    if (last === null) return;
    const parties = Object.keys(last.report.parties).sort();
    const years = [...new Set(Object.values(last.report.parties).flatMap((party) => Object.keys(party.years).map(Number)))].sort((a, b) => a - b);
    // Filed by 15 April for the year before: that is the year a registry team usually wants.
    const wanted = new Date().getUTCFullYear() - 1;
    this.dialog.choices(parties, years, years.includes(wanted) ? wanted : (years.at(-1) ?? wanted));
    this.dialog.say('Choose the Party and year.');
    this.dialog.dialog.showModal();
  }

  private request(): AefRequest | null {
    const state = this.context.store.state;
    const last = this.lastReplay(state);
    if (last === null) return null;
    const file = state.files.find((open) => open.path === last.path);
    const saved = file !== undefined && !file.modified && isStored(state, last.path);
    return { history: last.history, party: this.dialog.party.value, year: Number(this.dialog.year.value), rulebook: saved ? `${last.path}#${last.report.rulebook.name}` : null };
  }

  private async build(): Promise<void> {
    const request = this.request();
    if (request === null) return;
    const token = () => this.context.tokens.get();
    this.dialog.build.disabled = true;
    this.dialog.say(`Building the AEF of ${request.party} for ${request.year}…`);
    const answer = await requestAef(request, token);
    this.dialog.build.disabled = false;
    if (answer.status === 'failed') {
      const needsToken = answer.issue.status === 401 || answer.issue.status === 403;
      this.dialog.say(needsToken ? `The AEF needs an auditor token or above: enter one in Settings. (${answer.issue.message})` : answer.issue.message);
      return;
    }
    const report = answer.report;
    const findings = answer.status === 'findings' ? answer.findings : [];
    this.dialog.show(report, findings, report === null ? { json: () => {}, csv: () => {}, xlsx: () => {} } : this.downloads(report, request));
    this.context.say(`AEF ${request.party} ${request.year}: ${findings.length === 0 ? 'checks passed' : `${findings.length} check findings`}.`);
  }

  private downloads(report: AefReport, request: AefRequest) {
    const base = `aef-${report.party}-${report.year}`;
    return {
      json: () => download(`${base}.json`, 'application/json', renderAefJson(report)),
      csv: (table: keyof AefReport['tables']) => download(`${base}-${table}.csv`, 'text/csv', aefCsvTables(report)[table]),
      xlsx: () =>
        void requestAefWorkbook(request, () => this.context.tokens.get()).then((workbook) => {
          if (workbook.ok) download(`${base}.xlsx`, XLSX_TYPE, workbook.blob);
          else this.dialog.say(workbook.issue.message);
        }),
    };
  }
}
