export * from './a62-issue.ts';
export * from './ca-tool-snapshot.ts';
export * from './host-parties.ts';
export * from './serial-range.ts';
export * from './convert-ca-tool-snapshot.ts';
