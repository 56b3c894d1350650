import { DefaultLanguageService } from './default-language-service.ts';

export const CURSOR = '<|>';

/** `rule x on use { require unit.<|> }` → the text without the marker, and the marker's offset. */
export function markedSource(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) throw new Error(`no ${CURSOR} in marked source`);
  if (marked.indexOf(CURSOR, offset + 1) >= 0) throw new Error(`more than one ${CURSOR} in marked source`);
  return { text: marked.slice(0, offset) + marked.slice(offset + CURSOR.length), offset };
}

/**
 * A service over in-memory files, one of which holds the cursor: `files` maps paths to marked or plain
 * text; every file is open. Returns the service, the file with the cursor and the offset.
 */
export function serviceAt(files: Readonly<Record<string, string>>): { service: DefaultLanguageService; path: string; offset: number } {
  const service = new DefaultLanguageService();
  let at: { path: string; offset: number } | null = null;
  for (const [path, source] of Object.entries(files)) {
    if (source.includes(CURSOR)) {
      const { text, offset } = markedSource(source);
      at = { path, offset };
      service.documents.set(path, text);
    } else service.documents.set(path, source);
  }
  if (!at) throw new Error(`no ${CURSOR} in any file`);
  return { service, ...at };
}

/** The texts of `spans` in `text`, for readable assertions. */
export function spanTexts(text: string, spans: readonly { start: number; end: number }[]): string[] {
  return spans.map((span) => text.slice(span.start, span.end));
}
