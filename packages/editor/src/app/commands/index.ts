export { openCommandPalette, pageKeys, registerAppCommands } from './app-commands.ts';
export type { AppCommand } from './app-commands.ts';
export { appCommandList } from './app-command-list.ts';
export type { CommandTargets } from './app-command-list.ts';
