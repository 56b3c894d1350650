import { parentPort } from 'node:worker_threads';
import { checkProgram, memorySourceHost } from '@a6/dsl';
import { declaredRulebooks } from '../server/rulebooks/rulebook-workspace.ts';
import type { CheckReply, CheckRequest } from './check-protocol.ts';

/**
 * Worker thread entry of `CheckPool`: runs language checks one at a time, off the server's event
 * loop, so a hostile rulebook costs this thread (bounded by the pool's time and memory limits) and
 * never the server's other requests (docs/reliability.md "Bounded checks").
 */
const port = parentPort!;

port.on('message', (request: CheckRequest) => {
  let reply: CheckReply;
  try {
    const diagnostics = checkProgram(memorySourceHost(request.sources), [request.entry]).diagnostics;
    reply = { id: request.id, ok: true, diagnostics, rulebooks: declaredRulebooks(request.entry, request.sources[request.entry] ?? '') };
  } catch (error) {
    process.stderr.write(`check worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    reply = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
