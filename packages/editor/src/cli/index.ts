export { buildProgram } from './build-program.ts';
export { runProgram } from './run-program.ts';
