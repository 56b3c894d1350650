import type { LanguageClient } from '../language-client/index.ts';
import type { monaco } from '../monaco/index.ts';
import type { ServiceMethod } from '../worker/index.ts';
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

/** The editor features, one per language-service method (the rename provider also asks prepareRename). */
export type EditorFeature = Exclude<ServiceMethod, 'prepareRename'>;

const REGISTRARS: Readonly<Record<EditorFeature, (client: LanguageClient) => monaco.IDisposable>> = {
  completion: registerCompletionProvider,
  hover: registerHoverProvider,
  definition: registerDefinitionProvider,
  references: registerReferencesProvider,
  rename: registerRenameProvider,
  documentSymbols: registerDocumentSymbolsProvider,
  foldingRanges: registerFoldingProvider,
  semanticTokens: registerSemanticTokensProvider,
  format: registerFormattingProvider,
  codeActions: registerCodeActionsProvider,
};

/** Registers one Monaco provider per language-service method; returns them and the features they give. */
export function registerProviders(client: LanguageClient): { disposables: monaco.IDisposable[]; features: EditorFeature[] } {
  const features = Object.keys(REGISTRARS) as EditorFeature[];
  return { disposables: features.map((feature) => REGISTRARS[feature](client)), features };
}
