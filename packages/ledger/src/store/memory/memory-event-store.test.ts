import { describeEventStoreContract } from '../event-store.contract.ts';
import { MemoryEventStore } from './memory-event-store.ts';

describeEventStoreContract('memory', async () => new MemoryEventStore());
