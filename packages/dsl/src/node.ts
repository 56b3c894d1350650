// Node-only entry of @a6/dsl: reads rulebook files from the file system.
export { nodeSourceHost } from './program/node-host.ts';
