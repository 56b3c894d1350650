import { element } from '../shell/dom.ts';
import { formatExact } from '../shell/exact-number.ts';
import { layoutChart, type ChartLayout, type ChartSpec } from './chart-layout.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Series beyond the palette reuse its colours; the marker shapes tell them apart without colour too. */
const PALETTE_SIZE = 8;
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

let chartCount = 0;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const created = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, String(value));
  created.append(...children);
  return created;
}

function marker(shape: (typeof MARKERS)[number], x: number, y: number, className: string, label: string): SVGElement {
  const size = 4;
  const title = svg('title', {}, label);
  switch (shape) {
    case 'circle':
      return svg('circle', { cx: x, cy: y, r: size, class: className }, title);
    case 'square':
      return svg('rect', { x: x - size, y: y - size, width: size * 2, height: size * 2, class: className }, title);
    case 'triangle':
      return svg('polygon', { points: `${x},${y - size - 1} ${x + size + 1},${y + size} ${x - size - 1},${y + size}`, class: className }, title);
    case 'diamond':
      return svg('polygon', { points: `${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`, class: className }, title);
  }
}

const seriesClass = (index: number) => `chart-series-${index % PALETTE_SIZE}`;
const shapeOf = (index: number) => MARKERS[index % MARKERS.length]!;

/**
 * A chart as inline SVG inside a `<figure>`: `role="img"` with `<title>` and `<desc>` for screen
 * readers, axis titles, a legend with colour and marker shape, a tooltip per mark, and the data as a
 * table under a disclosure (the accessible fallback, and the exact numbers).
 */
export function renderChart(spec: ChartSpec): HTMLElement {
  const id = `chart-${++chartCount}`;
  const layout = layoutChart(spec);
  const root = svg('svg', {
    viewBox: `0 0 ${layout.width} ${layout.height}`,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart-svg',
  });
  root.append(svg('title', { id: `${id}-title` }, spec.title), svg('desc', { id: `${id}-desc` }, spec.description));
  root.append(chartGrid(spec, layout), chartMarks(spec, layout));

  const figure = element('figure', { className: 'chart' });
  figure.append(
    element('figcaption', { textContent: spec.title }),
    root,
    chartLegend(spec),
    element('details', {}, element('summary', { textContent: `Data table: ${spec.title}` }), chartTable(spec)),
  );
  return figure;
}

function chartGrid(spec: ChartSpec, layout: ChartLayout): SVGElement {
  const { plot } = layout;
  const grid = svg('g', { class: 'chart-grid', 'aria-hidden': 'true' });
  for (const tick of layout.yTicks) {
    grid.append(
      svg('line', { x1: plot.left, x2: plot.left + plot.width, y1: tick.y, y2: tick.y, class: tick.value === 0 ? 'chart-zero' : 'chart-gridline' }),
      svg('text', { x: plot.left - 6, y: tick.y, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'chart-tick' }, formatExact(tick.value)),
    );
  }
  for (const label of layout.xLabels) {
    grid.append(svg('text', { x: label.x, y: plot.top + plot.height + 16, 'text-anchor': 'middle', class: 'chart-tick' }, label.text));
  }
  grid.append(
    svg('text', { x: plot.left + plot.width / 2, y: layout.height - 6, 'text-anchor': 'middle', class: 'chart-axis-title' }, spec.categoryLabel),
    svg(
      'text',
      { x: 14, y: plot.top + plot.height / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${plot.top + plot.height / 2})`, class: 'chart-axis-title' },
      spec.valueLabel,
    ),
  );
  return grid;
}

function chartMarks(spec: ChartSpec, layout: ChartLayout): SVGElement {
  const marks = svg('g', { class: 'chart-marks' });
  for (const line of layout.lines) {
    for (const run of line.runs) {
      if (run.length < 2) continue;
      marks.append(svg('polyline', { points: run.map((point) => `${point.x},${point.y}`).join(' '), class: `chart-line ${seriesClass(line.series)}` }));
    }
  }
  for (const mark of layout.marks) {
    const series = spec.series[mark.series]!;
    const label = `${series.name}, ${spec.categories[mark.category]}: ${formatExact(mark.value)} ${spec.valueLabel}`;
    if (spec.kind === 'bars') {
      // A zero bar is still drawn as a hairline so "zero" and "no value" look different.
      marks.append(svg('rect', { x: mark.x, y: mark.y, width: Math.max(1, mark.width - 1), height: Math.max(1, mark.height), class: `chart-bar ${seriesClass(mark.series)}` }, svg('title', {}, label)));
    } else {
      marks.append(marker(shapeOf(mark.series), mark.x, mark.y, `chart-point ${seriesClass(mark.series)}`, label));
    }
  }
  return marks;
}

function chartLegend(spec: ChartSpec): HTMLElement {
  const legend = element('ul', { className: 'chart-legend' });
  legend.setAttribute('aria-label', `Legend: ${spec.title}`);
  spec.series.forEach((series, index) => {
    const swatch = svg('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' });
    if (spec.kind === 'bars') swatch.append(svg('rect', { x: 2, y: 2, width: 12, height: 12, class: `chart-bar ${seriesClass(index)}` }));
    else swatch.append(svg('line', { x1: 0, x2: 16, y1: 8, y2: 8, class: `chart-line ${seriesClass(index)}` }), marker(shapeOf(index), 8, 8, `chart-point ${seriesClass(index)}`, series.name));
    legend.append(element('li', {}, swatch, series.name));
  });
  return legend;
}

/** The chart's numbers as a table: a row per category, a column per series. */
function chartTable(spec: ChartSpec): HTMLTableElement {
  const table = element('table', { className: 'data-table' });
  table.append(element('caption', { textContent: spec.title }));
  const headRow = element('tr', {}, element('th', { textContent: spec.categoryLabel }));
  for (const series of spec.series) headRow.append(element('th', { textContent: series.name }));
  headRow.querySelectorAll('th').forEach((cell) => cell.setAttribute('scope', 'col'));
  table.append(element('thead', {}, headRow));
  const body = element('tbody');
  spec.categories.forEach((category, index) => {
    const row = element('tr', {}, element('th', { textContent: category }));
    row.firstElementChild!.setAttribute('scope', 'row');
    for (const series of spec.series) row.append(element('td', { className: 'number', textContent: formatExact(series.values[index] ?? null) }));
    body.append(row);
  });
  table.append(body);
  return table;
}
