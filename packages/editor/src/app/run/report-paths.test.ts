import { describe, expect, it } from 'vitest';
import { workspacePathCandidates } from './report-paths.ts';

describe('workspacePathCandidates', () => {
  it('resolves report file names against the entry file folder', () => {
    expect(workspacePathCandidates('within-ndc-only.a6', 'glasgow-2021.a6')).toEqual(['glasgow-2021.a6']);
    expect(workspacePathCandidates('lib/child.a6', 'base.a6')).toEqual(['lib/base.a6', 'base.a6']);
    expect(workspacePathCandidates('lib/deep/child.a6', '../shared.a6')).toEqual(['lib/shared.a6', '../shared.a6']);
  });
});
