import { niceScale } from './nice-scale.ts';

export interface ChartSeries {
  readonly name: string;
  /** One value per category; `null` where the series has none (no bar, a gap in the line). */
  readonly values: readonly (number | null)[];
}

export interface ChartSpec {
  readonly title: string;
  /** One or two sentences for screen readers (`<desc>`): what is plotted and how to read it. */
  readonly description: string;
  readonly kind: 'bars' | 'lines';
  readonly categoryLabel: string;
  readonly valueLabel: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Bars always start at zero; lines only when asked (a balance of 60 M tonnes would flatten to a line). */
  readonly includeZero?: boolean;
}

/** A bar (its rectangle) or a line's point (`width` and `height` zero). */
export interface ChartMark {
  readonly series: number;
  readonly category: number;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly width: number; readonly height: number };
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly xLabels: readonly { readonly text: string; readonly x: number }[];
  /** Where zero is, when the axis shows it (bars grow from there). */
  readonly zeroY: number | null;
  readonly marks: readonly ChartMark[];
  /** Per series, the runs of consecutive points (a `null` breaks the line). */
  readonly lines: readonly { readonly series: number; readonly runs: readonly (readonly { x: number; y: number }[])[] }[];
}

// Left: room for a tick label like 60,750,000 beside the rotated axis title.
const MARGIN = { left: 104, right: 16, top: 12, bottom: 44 };

/** Positions of everything a chart draws, in SVG user units; pure, so it is tested without a DOM. */
export function layoutChart(spec: ChartSpec, width = 640, height = 260): ChartLayout {
  const plot = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  const values = spec.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  const withZero = spec.kind === 'bars' || spec.includeZero === true;
  const low = Math.min(...values, ...(withZero || values.length === 0 ? [0] : []));
  const high = Math.max(...values, ...(withZero || values.length === 0 ? [0] : []));
  const scale = niceScale(low, high);
  const yOf = (value: number): number => plot.top + plot.height - ((value - scale.min) / (scale.max - scale.min)) * plot.height;

  const band = plot.width / Math.max(1, spec.categories.length);
  const centerOf = (category: number): number => plot.left + band * (category + 0.5);
  const xLabels = spec.categories.map((text, category) => ({ text, x: centerOf(category) }));
  const zeroY = scale.min <= 0 && scale.max >= 0 ? yOf(0) : null;

  const marks: ChartMark[] = [];
  const lines: { series: number; runs: { x: number; y: number }[][] }[] = [];
  if (spec.kind === 'bars') {
    const groupWidth = band * 0.8;
    const barWidth = groupWidth / Math.max(1, spec.series.length);
    spec.series.forEach((series, seriesIndex) => {
      series.values.forEach((value, category) => {
        if (value === null) return;
        const x = centerOf(category) - groupWidth / 2 + barWidth * seriesIndex;
        const top = Math.min(yOf(value), zeroY ?? yOf(value));
        const bottom = Math.max(yOf(value), zeroY ?? yOf(value));
        marks.push({ series: seriesIndex, category, value, x, y: top, width: barWidth, height: bottom - top });
      });
    });
  } else {
    spec.series.forEach((series, seriesIndex) => {
      const runs: { x: number; y: number }[][] = [];
      let run: { x: number; y: number }[] = [];
      series.values.forEach((value, category) => {
        if (value === null) {
          if (run.length > 0) runs.push(run);
          run = [];
          return;
        }
        const point = { x: centerOf(category), y: yOf(value) };
        run.push(point);
        marks.push({ series: seriesIndex, category, value, ...point, width: 0, height: 0 });
      });
      if (run.length > 0) runs.push(run);
      lines.push({ series: seriesIndex, runs });
    });
  }
  return { width, height, plot, yTicks: scale.ticks.map((value) => ({ value, y: yOf(value) })), xLabels, zeroY, marks, lines };
}
