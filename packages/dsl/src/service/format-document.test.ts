import { describe, expect, it } from 'vitest';
import { DefaultLanguageService } from './default-language-service.ts';
import { formatRulebookFile } from '../format/format-rulebook-file.ts';

describe('formatting', () => {
  it('returns one edit that turns the text into the formatter output, keeping the unchanged head and tail', () => {
    const text = 'rulebook a {\n  rule r on use {require   unit.vintage>=2021}\n}\n';
    const service = new DefaultLanguageService();
    service.documents.set('main.a6', text);
    const edits = service.format('main.a6');
    expect(edits).toHaveLength(1);
    const edit = edits[0]!;
    const result = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    const expected = formatRulebookFile(text, 'main.a6');
    expect(expected.ok && result === expected.text).toBe(true);
    expect(edit.span.start).toBeGreaterThan(0);
  });

  it('leaves formatted files and files with syntax errors alone', () => {
    const service = new DefaultLanguageService();
    const formatted = formatRulebookFile('rulebook a { rule r on use { require true } }', 'ok.a6');
    service.documents.set('ok.a6', formatted.ok ? formatted.text : '');
    service.documents.set('broken.a6', 'rulebook a { rule r on use { require unit. } }');
    expect(service.format('ok.a6')).toEqual([]);
    expect(service.format('broken.a6')).toEqual([]);
  });
});
