// Node-only entry of @a6/dsl: reads rulebook files from the file system.
export * from './program/node-host.ts';
