import type { AefFinding, AefReport } from '@a6/ledger';
import { element } from '../shell/index.ts';

/** What the dialog offers once a report is there. */
export interface AefDownloads {
  readonly json: () => void;
  readonly csv: (table: 'T1' | 'T2' | 'T3' | 'T4' | 'T5') => void;
  readonly xlsx: () => void;
}

/**
 * The "AEF report…" dialog of the Run view (docs/aef.md): Party and year pickers, then the checks'
 * outcome, the report's shape and warnings, and the downloads. Built here rather than in index.html so
 * the feature lives in one folder.
 */
export class AefDialog {
  readonly dialog = element('dialog');
  readonly party = element('select');
  readonly year = element('select');
  readonly build = element('button', { textContent: 'Check and build', className: 'primary' });
  readonly result = element('div', { className: 'aef-result' });

  constructor() {
    this.dialog.id = 'aef-dialog';
    this.dialog.setAttribute('aria-labelledby', 'aef-title');
    this.dialog.style.maxWidth = '760px';
    this.party.id = 'aef-party';
    this.year.id = 'aef-year';
    this.build.type = 'button';
    this.result.setAttribute('role', 'status');
    this.result.setAttribute('aria-live', 'polite');
    const title = element('h2', { textContent: 'AEF report' });
    title.id = 'aef-title';
    const close = element('button', { textContent: 'Close' });
    close.type = 'button';
    close.addEventListener('click', () => this.dialog.close());
    const partyLabel = element('label', { textContent: 'Reporting Party' });
    partyLabel.htmlFor = 'aef-party';
    const yearLabel = element('label', { textContent: 'Reported year' });
    yearLabel.htmlFor = 'aef-year';
    this.dialog.append(
      title,
      element('p', { className: 'muted', textContent: "The Party's annual Article 6.2 information (AEF tables T1–T5) with the pre-consistency checks; it needs an auditor token or above (Settings)." }),
      partyLabel,
      this.party,
      yearLabel,
      this.year,
      this.result,
      element('div', { className: 'dialog-actions' }, this.build, close),
    );
    document.body.append(this.dialog);
  }

  choices(parties: readonly string[], years: readonly number[], year: number): void {
    this.party.replaceChildren(...parties.map((party) => new Option(party, party)));
    this.year.replaceChildren(...years.map((value) => new Option(String(value), String(value), false, value === year)));
  }

  say(text: string): void {
    this.result.replaceChildren(element('p', { textContent: text }));
  }

  show(report: AefReport | null, findings: readonly AefFinding[], downloads: AefDownloads): void {
    const parts: HTMLElement[] = [];
    parts.push(
      findings.length === 0
        ? element('p', { className: 'aef-checks', textContent: 'Checks: passed (T3 reconciles with T4 and with the structured summary).' })
        : element('p', { className: 'aef-checks notice', textContent: `Checks: ${findings.length} finding${findings.length === 1 ? '' : 's'}; the report may not be filed as it is.` }),
    );
    if (findings.length > 0) {
      parts.push(element('ul', { className: 'aef-findings' }, ...findings.map((finding) => element('li', { textContent: `${finding.table} ${finding.row === null ? 'total' : `row ${finding.row}`}: ${finding.code}: ${finding.message}` }))));
    }
    if (report !== null) {
      const { T2, T3, T4, T5 } = report.tables;
      parts.push(element('p', { className: 'aef-shape', textContent: `${report.party} ${report.year} under ${report.rulebook.name}: T2 ${T2.length}, T3 ${T3.length}, T4 ${T4.length}, T5 ${T5.length} rows; digest ${report.digest.slice(0, 12)}…` }));
      if (report.warnings.length > 0) {
        parts.push(element('details', {}, element('summary', { textContent: `${report.warnings.length} blank columns the history does not give` }), element('ul', {}, ...report.warnings.map((warning) => element('li', { textContent: warning.message })))));
      }
      const button = (text: string, action: () => void) => {
        const made = element('button', { textContent: text });
        made.type = 'button';
        made.addEventListener('click', action);
        return made;
      };
      parts.push(
        element(
          'div',
          { className: 'dialog-actions aef-downloads' },
          button('Download JSON', downloads.json),
          ...(['T1', 'T2', 'T3', 'T4', 'T5'] as const).map((table) => button(`${table}.csv`, () => downloads.csv(table))),
          button('Download XLSX', downloads.xlsx),
        ),
      );
    }
    this.result.replaceChildren(...parts);
  }
}
