import { describeRulebookWorkspaceContract } from '../rulebook-workspace.contract.ts';
import { openMemoryStores } from './open-memory-stores.ts';

describeRulebookWorkspaceContract('memory', async () => openMemoryStores());
