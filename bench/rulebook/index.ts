export { generateBenchRulebook, BENCH_RULEBOOK_NAME } from './bench-rulebook.ts';
