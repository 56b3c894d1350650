import type { LanguageClient } from '../language-client/index.ts';
import type { monaco } from '../monaco/index.ts';
import type { ServiceMethod, WorkerCapabilities } from '../worker/index.ts';
import { registerCodeActionsProvider } from './code-actions-provider.ts';
import { registerCompletionProvider } from './completion-provider.ts';
import { registerDefinitionProvider } from './definition-provider.ts';
import { registerDocumentSymbolsProvider } from './document-symbols-provider.ts';
import { registerFoldingProvider } from './folding-provider.ts';
import { registerFormattingProvider } from './formatting-provider.ts';
import { registerHoverProvider } from './hover-provider.ts';
import { registerReferencesProvider } from './references-provider.ts';
import { registerRenameProvider } from './rename-provider.ts';
import { registerSemanticTokensProvider } from './semantic-tokens-provider.ts';

export interface ProviderRegistration {
  readonly method: ServiceMethod;
  readonly registered: boolean;
  /** Why the provider was not registered (shown in the status bar's language details). */
  readonly reason?: string;
}

/**
 * Registers a Monaco provider for every language-service method the worker can serve. A method it
 * cannot serve gets no provider at all, so Monaco shows its own "no definition found" rather than an
 * answer we made up; the reason is kept for the status bar.
 */
export function registerProviders(
  client: LanguageClient,
  capabilities: WorkerCapabilities,
): { disposables: monaco.IDisposable[]; registrations: ProviderRegistration[] } {
  const registrars: Record<Exclude<ServiceMethod, 'prepareRename'>, () => monaco.IDisposable | null> = {
    completion: () => registerCompletionProvider(client),
    hover: () => registerHoverProvider(client),
    definition: () => registerDefinitionProvider(client),
    references: () => registerReferencesProvider(client),
    // The rename box asks prepareRename first (placeholder, early refusal) when the worker offers it.
    rename: () => registerRenameProvider(client, capabilities.services.prepareRename.available),
    documentSymbols: () => registerDocumentSymbolsProvider(client),
    foldingRanges: () => registerFoldingProvider(client),
    semanticTokens: () =>
      capabilities.semanticTokensLegend ? registerSemanticTokensProvider(client, capabilities.semanticTokensLegend) : null,
    format: () => registerFormattingProvider(client),
    codeActions: () => registerCodeActionsProvider(client),
  };
  const disposables: monaco.IDisposable[] = [];
  const registrations: ProviderRegistration[] = [];
  for (const [method, register] of Object.entries(registrars) as [Exclude<ServiceMethod, 'prepareRename'>, () => monaco.IDisposable | null][]) {
    const availability = capabilities.services[method];
    if (!availability.available) {
      registrations.push({ method, registered: false, reason: availability.reason });
      continue;
    }
    const disposable = register();
    if (disposable) disposables.push(disposable);
    registrations.push(
      disposable
        ? { method, registered: true }
        : { method, registered: false, reason: `${method}: the worker sent no token legend` },
    );
  }
  return { disposables, registrations };
}
