import { escapeHtml, formatCell, formatNumber } from './html-text.ts';
import { niceTicks } from './nice-ticks.ts';

/**
 * Small inline SVG charts, drawn here rather than with a charting library: a report is one static page
 * with no script and no network fetch, and the two charts it needs (values by year, one series per
 * rulebook, as lines or grouped bars) are a few dozen SVG elements. Accessible: `role="img"` with a
 * title and a description, every mark has a `<title>` (its exact value), series differ by colour *and*
 * by marker or dash, and every chart is followed by its data as a table.
 */
export interface ChartSeries {
  readonly name: string;
  /** One value per category; `null`: no value (a gap). */
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  /** Unique in the page: prefixes the ids the title and description are referred to by. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Category labels along the x axis (years). */
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly unit: string;
}

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '3 6'];

const WIDTH = 680;
const HEIGHT = 280;
const LEFT = 96;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 44;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

function seriesColour(index: number): string {
  return COLOURS[index % COLOURS.length]!;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

interface Frame {
  readonly y: (value: number) => number;
  readonly x: (index: number) => number;
  readonly band: number;
  readonly parts: string[];
}

/** Axes, grid and labels shared by both charts; `includeZero` for bars (they grow from 0). */
function frame(spec: ChartSpec, includeZero: boolean): Frame {
  const values = spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const ticks = niceTicks(Math.min(...values, ...(includeZero ? [0] : [])), Math.max(...values, ...(includeZero ? [0] : [])));
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const y = (value: number) => TOP + PLOT_HEIGHT - ((value - low) / (high - low)) * PLOT_HEIGHT;
  const band = PLOT_WIDTH / Math.max(1, spec.categories.length);
  const x = (index: number) => LEFT + band * (index + 0.5);
  const parts: string[] = [];
  parts.push(`<g class="grid" aria-hidden="true">`);
  for (const tick of ticks) {
    parts.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="${tick === 0 ? '#555' : '#ddd'}"/>`);
    parts.push(`<text x="${LEFT - 6}" y="${round(y(tick) + 4)}" text-anchor="end">${escapeHtml(formatNumber(tick))}</text>`);
  }
  spec.categories.forEach((category, index) => {
    parts.push(`<text x="${round(x(index))}" y="${TOP + PLOT_HEIGHT + 16}" text-anchor="middle">${escapeHtml(category)}</text>`);
  });
  parts.push(`<text x="${LEFT + PLOT_WIDTH / 2}" y="${HEIGHT - 6}" text-anchor="middle">year</text>`);
  parts.push(`<text transform="translate(12 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(spec.unit)}</text>`);
  parts.push(`</g>`);
  return { y, x, band, parts };
}

function open(spec: ChartSpec): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ` +
    `aria-labelledby="${spec.id}-title ${spec.id}-desc"><title id="${spec.id}-title">${escapeHtml(spec.title)}</title>` +
    `<desc id="${spec.id}-desc">${escapeHtml(spec.description)}</desc>`
  );
}

function marker(index: number, cx: number, cy: number, colour: string, label: string): string {
  const tip = `<title>${escapeHtml(label)}</title>`;
  switch (index % 4) {
    case 0:
      return `<circle cx="${round(cx)}" cy="${round(cy)}" r="4" fill="${colour}">${tip}</circle>`;
    case 1:
      return `<rect x="${round(cx - 4)}" y="${round(cy - 4)}" width="8" height="8" fill="${colour}">${tip}</rect>`;
    case 2:
      return `<path d="M${round(cx)} ${round(cy - 5)}L${round(cx + 5)} ${round(cy + 4)}L${round(cx - 5)} ${round(cy + 4)}Z" fill="${colour}">${tip}</path>`;
    default:
      return `<path d="M${round(cx)} ${round(cy - 5)}L${round(cx + 5)} ${round(cy)}L${round(cx)} ${round(cy + 5)}L${round(cx - 5)} ${round(cy)}Z" fill="${colour}">${tip}</path>`;
  }
}

function legend(spec: ChartSpec): string {
  if (spec.series.length < 2) return '';
  const items = spec.series.map(
    (series, index) =>
      `<li><svg width="28" height="10" aria-hidden="true"><line x1="0" x2="28" y1="5" y2="5" stroke="${seriesColour(index)}" stroke-width="3" stroke-dasharray="${DASHES[index % DASHES.length]}"/></svg> ${escapeHtml(series.name)}</li>`,
  );
  return `<ul class="legend">${items.join('')}</ul>`;
}

/** Values by category as lines, one per series (gaps where a value is `null`). */
export function lineChart(spec: ChartSpec): string {
  const { x, y, parts } = frame(spec, false);
  spec.series.forEach((series, index) => {
    const colour = seriesColour(index);
    let path = '';
    let drawing = false;
    series.values.forEach((value, position) => {
      if (value === null) {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${round(x(position))} ${round(y(value))}`;
      drawing = true;
    });
    if (path !== '') parts.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${DASHES[index % DASHES.length]}"/>`);
    series.values.forEach((value, position) => {
      if (value !== null) parts.push(marker(index, x(position), y(value), colour, `${series.name}, ${spec.categories[position]}: ${formatCell(value)} ${spec.unit}`));
    });
  });
  return `<figure>${legend(spec)}${open(spec)}${parts.join('')}</svg>${dataTable(spec)}</figure>`;
}

/** Values by category as grouped bars from 0, one bar per series in each group. */
export function barChart(spec: ChartSpec): string {
  const { x, y, band, parts } = frame(spec, true);
  const count = Math.max(1, spec.series.length);
  const width = (band * 0.8) / count;
  spec.series.forEach((series, index) => {
    const colour = seriesColour(index);
    series.values.forEach((value, position) => {
      if (value === null) return;
      const left = x(position) - band * 0.4 + width * index;
      const top = Math.min(y(value), y(0));
      const height = Math.max(Math.abs(y(value) - y(0)), value === 0 ? 0 : 1);
      const hatch = index % 2 === 1 ? ` stroke="#000" stroke-width="0.6"` : '';
      parts.push(
        `<rect x="${round(left)}" y="${round(top)}" width="${round(Math.max(1, width - 1))}" height="${round(height)}" fill="${colour}"${hatch}><title>${escapeHtml(`${series.name}, ${spec.categories[position]}: ${formatCell(value)} ${spec.unit}`)}</title></rect>`,
      );
    });
  });
  return `<figure>${legend(spec)}${open(spec)}${parts.join('')}</svg>${dataTable(spec)}</figure>`;
}

/** The chart's data as a table (the fallback for readers who cannot see the chart). */
function dataTable(spec: ChartSpec): string {
  const head = `<tr><th scope="col">year</th>${spec.series.map((series) => `<th scope="col">${escapeHtml(series.name)}</th>`).join('')}</tr>`;
  const rows = spec.categories.map(
    (category, position) => `<tr><th scope="row">${escapeHtml(category)}</th>${spec.series.map((series) => `<td>${formatCell(series.values[position])}</td>`).join('')}</tr>`,
  );
  return `<details><summary>Data: ${escapeHtml(spec.title)}</summary><table class="numbers">${head}${rows.join('')}</table></details>`;
}

/** True when the series have at least one value to draw. */
export function hasValues(series: readonly ChartSeries[]): boolean {
  return series.some((entry) => entry.values.some((value) => value !== null));
}
