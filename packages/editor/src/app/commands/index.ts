export { openCommandPalette, pageKeys, registerAppCommands } from './app-commands.ts';
export type { AppCommand } from './app-commands.ts';
