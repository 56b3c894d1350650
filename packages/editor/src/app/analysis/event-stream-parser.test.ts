import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStreamParser } from './event-stream-parser.ts';

const STREAM =
  'event: job\ndata: {"id":"j1","total":15}\n\n' +
  ': keep-alive comment\n\n' +
  'event: progress\r\ndata: {"done":5,"total":15}\r\n\r\n' +
  'data: line one\ndata: line two\n\n' +
  'event: result\ndata: {"format":"a6.replay/1"}\n\n';

describe('EventStreamParser', () => {
  it('reads named events, comments, CRLF and multi-line data as the server sends them', () => {
    expect(new EventStreamParser().push(STREAM)).toMatchInlineSnapshot(`
      [
        {
          "data": "{"id":"j1","total":15}",
          "event": "job",
        },
        {
          "data": "{"done":5,"total":15}",
          "event": "progress",
        },
        {
          "data": "line one
      line two",
          "event": "message",
        },
        {
          "data": "{"format":"a6.replay/1"}",
          "event": "result",
        },
      ]
    `);
  });

  it('gives the same messages however the stream is cut into chunks', () => {
    const whole = new EventStreamParser().push(STREAM);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 12 }), (cuts) => {
        const parser = new EventStreamParser();
        const points = [0, ...[...cuts].sort((a, b) => a - b), STREAM.length];
        const messages = points.slice(1).flatMap((end, index) => parser.push(STREAM.slice(points[index], end)));
        expect(messages).toEqual(whole);
      }),
    );
  });

  it('keeps an unterminated message until its blank line arrives', () => {
    const parser = new EventStreamParser();
    expect(parser.push('event: progress\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'progress', data: '{}' }]);
  });
});
