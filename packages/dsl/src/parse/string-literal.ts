/**
 * The characters of a string literal's body after unescaping, each with the file offset of the source
 * text it came from (`offsets` has one more entry: the offset just past the last character), so
 * expressions parsed out of a message template get spans in the file.
 */
export interface UnescapedText {
  readonly value: string;
  readonly offsets: readonly number[];
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n' };

/**
 * Unescapes a string literal as written (quotes included) that starts at file offset `start`. The
 * grammar admits only `\"`, `\\` and `\n`, so anything else is kept as written.
 */
export function unescapeStringLiteral(raw: string, start: number): UnescapedText {
  const body = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
  let value = '';
  const offsets: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    const escaped = char === '\\' ? ESCAPES[body[i + 1] ?? ''] : undefined;
    offsets.push(start + 1 + i);
    if (escaped !== undefined) {
      value += escaped;
      i++;
    } else {
      value += char;
    }
  }
  offsets.push(start + 1 + body.length);
  return { value, offsets };
}
