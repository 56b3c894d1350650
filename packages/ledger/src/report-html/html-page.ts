import { escapeHtml } from './html-text.ts';

/**
 * One self-contained page (docs/cli.md "--format html"): inline style, no script, and a content security
 * policy that forbids every fetch, so opening the file can never reach the network.
 */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: .2rem .45rem; text-align: left; vertical-align: top; }
thead th, tr:first-child th { background: #f2f2f2; }
table.numbers td { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; } dl.facts dt { font-weight: 600; }
.accepted { color: #1a6e2e; } .rejected { color: #a11; font-weight: 600; }
.cause-direct { font-weight: 600; } .note { color: #555; font-size: 13px; }
figure { margin: 1rem 0; } svg.chart { max-width: 100%; height: auto; font-size: 11px; }
ul.legend { list-style: none; padding: 0; margin: 0 0 .3rem; display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; font-size: 13px; }
.up { color: #a11; } .down { color: #1a6e2e; }
details summary { cursor: pointer; color: #333; font-size: 13px; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** A table from header cells and rows of already-escaped cell HTML. */
export function htmlTable(header: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  const head = `<thead><tr>${header.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table${className === '' ? '' : ` class="${className}"`}>${head}<tbody>${body}</tbody></table>`;
}
