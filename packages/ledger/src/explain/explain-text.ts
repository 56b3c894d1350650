import { formatCell } from '../report-html/html-text.ts';
import type { ExplainNode, ExplainReport } from './explain-report.ts';

const ENTRY_WORDS: Record<string, string> = {
  firstTransferred: 'first transferred',
  oimpFirstTransferred: 'first transferred (OIMP only)',
  used: 'used toward the NDC',
  acquired: 'acquired',
  transferorAdded: 'transferor adds',
  acquirerSubtracted: 'acquirer subtracts',
  acquirerAddedBack: 'acquirer adds back (transferred on)',
  a64FirstTransferred: 'A6.4ERs first transferred',
  a64Used: 'A6.4ERs used',
};

/**
 * `a6 explain` for a terminal: the figure, then its formula as a tree, each input indented under the
 * figure it feeds, down to the unit ranges and the events (seq and id) that booked them.
 */
export function renderExplainText(report: ExplainReport): string {
  const out: string[] = [];
  const metric = report.metric === 'tCO2e' ? '' : ` (${report.metric})`;
  out.push(`${report.party} ${report.year} ${report.field}${metric} = ${formatCell(report.value)}`);
  out.push(`  rulebook ${report.rulebook.name} (sha256 ${report.rulebook.sha256.slice(0, 12)}…), method ${report.method ?? '—'}`);
  out.push(`  history ${report.history.events} events, head ${report.history.head.slice(0, 12)}…${report.history.as_of === null ? '' : `, as of ${report.history.as_of}`}; digest ${report.digest.slice(0, 12)}…`);
  out.push('');
  renderNode(report.explanation, 0, out, true);
  return out.join('\n') + '\n';
}

function renderNode(node: ExplainNode, depth: number, out: string[], root: boolean): void {
  const indent = '  '.repeat(depth);
  if (!root) out.push(`${indent}${node.field} ${node.year} = ${formatCell(node.value)}`);
  out.push(`${indent}  = ${node.formula}`);
  for (const fact of node.facts) out.push(`${indent}    #${fact.seq} ${fact.type} ${JSON.stringify(fact.event)} ${fact.at}: ${formatCell(fact.value)}`);
  for (const entry of node.entries) {
    const signed = `${entry.sign < 0 ? '−' : '+'}${entry.quantity}`;
    const vintage = entry.vintage === null ? '' : ` (vintage ${entry.vintage})`;
    out.push(`${indent}    ${signed.padStart(10)}  ${entry.unit}${vintage}  ${ENTRY_WORDS[entry.entry] ?? entry.entry} in ${entry.year}, at #${entry.seq} ${entry.type} ${JSON.stringify(entry.event)} ${entry.at}`);
  }
  for (const input of node.inputs) renderNode(input, depth + 1, out, false);
}
