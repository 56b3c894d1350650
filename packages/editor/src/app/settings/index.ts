export { TokenStore } from './token-store.ts';
export { askFileName, openSettingsDialog } from './settings-dialog.ts';
