export { registerProviders } from './register-providers.ts';
export type { ProviderRegistration } from './register-providers.ts';
