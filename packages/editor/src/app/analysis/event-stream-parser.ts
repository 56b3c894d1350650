/** One server-sent event: its name (`message` when unnamed) and its data lines joined by `\n`. */
export interface ServerSentMessage {
  readonly event: string;
  readonly data: string;
}

/**
 * Incremental `text/event-stream` parsing (the WHATWG format: `event:` / `data:` fields, blank line
 * ends a message, `:` starts a comment). `EventSource` cannot POST, and the analysis endpoints are
 * POSTs, so the page reads the response body itself and feeds its chunks here.
 */
export class EventStreamParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  /** Feeds a chunk (any split, even mid-line); returns the messages it completed. */
  push(chunk: string): ServerSentMessage[] {
    this.buffer += chunk;
    const messages: ServerSentMessage[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone `\r` at the end may be the first half of `\r\n`: wait for the next chunk.
      if (match === null || (match[0] === '\r' && match.index === this.buffer.length - 1)) break;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const message = this.line(line);
      if (message) messages.push(message);
    }
    return messages;
  }

  private line(line: string): ServerSentMessage | null {
    if (line === '') {
      if (this.data.length === 0) {
        this.event = '';
        return null;
      }
      const message = { event: this.event || 'message', data: this.data.join('\n') };
      this.event = '';
      this.data = [];
      return message;
    }
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    return null;
  }
}
