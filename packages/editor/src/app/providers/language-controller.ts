import type { LanguageClient } from '../language-client/index.ts';
import type { AppState, Store } from '../state/index.ts';
import type { DocumentSymbolInfo } from '../worker/index.ts';
import { registerProviders } from './register-providers.ts';

/** The language worker's life as `AppState.language`: the editor features once it is ready, its failure otherwise. */
export class LanguageController {
  /** Settles when the worker is ready (providers registered) or failed to start. */
  readonly ready: Promise<void>;

  constructor(
    private readonly client: LanguageClient,
    private readonly store: Store<AppState>,
  ) {
    this.ready = client.ready.then(
      () => store.set({ language: { status: 'ready', features: registerProviders(client).features } }),
      (error: unknown) => {
        store.set({ language: { status: 'failed', message: error instanceof Error ? error.message : String(error) } });
        throw error;
      },
    );
  }

  /** The document symbols of an open file; `null` while the worker is not ready or when it could not answer. */
  readonly symbolsOf = async (path: string): Promise<readonly DocumentSymbolInfo[] | null> => {
    if (this.store.state.language.status !== 'ready') return null;
    try {
      return await this.client.request('documentSymbols', { path });
    } catch {
      return null;
    }
  };
}
