import { element } from './dom.ts';

export interface TableColumn {
  readonly label: string;
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
}

export type TableCell = string | Node;

export interface DataTableOptions {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
  /** The first cell of each row heads it (`<th scope="row">`). */
  readonly rowHeaders?: boolean;
  readonly className?: string;
}

/** A captioned table with column (and optionally row) headers, as screen readers expect. */
export function dataTable(options: DataTableOptions): HTMLTableElement {
  const table = element('table', { className: `data-table ${options.className ?? ''}`.trim() });
  table.append(element('caption', { textContent: options.caption }));
  const head = element('tr');
  for (const column of options.columns) {
    const cell = element('th', { textContent: column.label, className: column.numeric ? 'number' : '' });
    cell.setAttribute('scope', 'col');
    head.append(cell);
  }
  table.append(element('thead', {}, head));
  const body = element('tbody');
  for (const cells of options.rows) {
    const row = element('tr');
    cells.forEach((content, index) => {
      const header = options.rowHeaders === true && index === 0;
      const cell = element(header ? 'th' : 'td', { className: options.columns[index]?.numeric ? 'number' : '' });
      if (header) cell.setAttribute('scope', 'row');
      cell.append(content);
      row.append(cell);
    });
    body.append(row);
  }
  table.append(body);
  return table;
}

/** A heading-led section that folds (`<details open>`), so long reports stay navigable by keyboard. */
export function reportSection(title: string, ...content: (Node | string)[]): HTMLDetailsElement {
  const section = element('details', { className: 'report-section' });
  section.open = true;
  section.append(element('summary', {}, element('h3', { textContent: title })), ...content);
  return section;
}
