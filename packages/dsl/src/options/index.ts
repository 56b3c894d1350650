export { defaultOptions, findOption, OPTION_SPECS } from './options.ts';
export type { OptionSpec, OptionName } from './options.ts';
