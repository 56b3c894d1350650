/**
 * Parse time of a generated 1,000-line rulebook file: a fresh parse, an incremental re-parse after a
 * one-line edit (the editor's case), a fresh parse of the same file with one syntax error (the
 * recovery path) and an incremental re-parse of that broken file after an edit inside the broken rule. Prints JSON; the fresh parse is the baseline the others are compared with.
 *
 *   pnpm -s generate && npx tsx packages/dsl/bench/parse-bench.ts
 */
import { IncrementalParser, parseRulebookFile } from '../src/parse/index.ts';

function generateRulebookFile(targetLines: number): string {
  const lines = ['// generated for the parse benchmark', 'rulebook bench "generated" {', '  option a64.itmo = separate'];
  for (let i = 0; lines.length < targetLines - 1; i++) {
    lines.push(
      '',
      `  // rule ${i}`,
      `  rule r_${i} "rule number ${i}" on issuance, transfer where unit.type == "ITMO" and unit.vintage >= ${2000 + (i % 30)} {`,
      `    require unit.vintage >= 2021 and activity.in_ndc else "{unit.serial} has vintage {unit.vintage}"`,
      `    expect event.quantity * 2 <= max(1_000_000, holdings(event.from.party)) or unit.host in ["PER", "SGP"]`,
      '  }',
      `  levy l_${i} ${i % 10}.5% rounded up on use where event.at >= 2026-06-30 to fund_${i}`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

interface Timing {
  readonly medianMs: number;
  readonly minMs: number;
  /** Median CPU time of this process: the machine is shared, so wall time alone says little. */
  readonly medianCpuMs: number;
}

function time(run: () => void, repeat: number): Timing {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (samples: number[]): number => samples.toSorted((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  return { medianMs: round(median(wall)), minMs: round(Math.min(...wall)), medianCpuMs: round(median(cpu)) };
}

const text = generateRulebookFile(1000);
const lineCount = text.split('\n').length - 1;
if (parseRulebookFile(text, 'bench.a6').diagnostics.length > 0) throw new Error('the generated file does not parse');

// Warm up the JIT and ohm's lazily built grammar state before measuring.
for (let i = 0; i < 3; i++) parseRulebookFile(text, 'bench.a6');
const fresh = time(() => parseRulebookFile(text, 'bench.a6'), 10);

// One-line edit in the middle: change a vintage bound, then change it back, so every re-parse edits.
const parser = new IncrementalParser('bench.a6');
parser.setText(text);
parser.parse();
const editAt = text.indexOf('>= 2021 and activity', Math.floor(text.length / 2)) + 3;
let flip = false;
const incremental = time(() => {
  parser.applyEdit(editAt, editAt + 4, flip ? '2021' : '2022');
  flip = !flip;
  if (parser.parse().diagnostics.length > 0) throw new Error('the edit broke the file');
}, 20);

const broken = text.slice(0, editAt) + ')' + text.slice(editAt + 4);
const recovery = time(() => parseRulebookFile(broken, 'bench.a6'), 10);

// Typing inside a broken rule: the file stays broken, every re-parse goes through recovery.
parser.setText(broken);
parser.parse();
const brokenAt = editAt + 1;
let typed = false;
const incrementalRecovery = time(() => {
  parser.applyEdit(brokenAt, brokenAt + (typed ? 1 : 0), typed ? '' : 'x');
  typed = !typed;
  if (parser.parse().diagnostics.length === 0) throw new Error('the file should stay broken');
}, 20);

process.stdout.write(
  JSON.stringify(
    {
      benchmark: 'parse',
      lines: lineCount,
      characters: text.length,
      freshParse: fresh,
      incrementalReparseAfterOneLineEdit: incremental,
      freshParseWithOneSyntaxError: recovery,
      incrementalReparseOfBrokenFileAfterOneLineEdit: incrementalRecovery,
      incrementalSpeedup: Math.round((fresh.medianCpuMs / incremental.medianCpuMs) * 10) / 10,
    },
    null,
    2,
  ) + '\n',
);
