import { describeTokenStoreContract } from '../token-store.contract.ts';
import { openMemoryStores } from './open-memory-stores.ts';

describeTokenStoreContract('memory', async () => openMemoryStores());
