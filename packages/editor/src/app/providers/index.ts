export { registerProviders } from './register-providers.ts';
export type { EditorFeature } from './register-providers.ts';
export { LanguageController } from './language-controller.ts';
