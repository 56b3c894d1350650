import type { Response } from 'express';

/** A `text/event-stream` response (server-sent events): named events with JSON data. */
export class ServerSentEvents {
  constructor(private readonly response: Response) {
    response.status(200);
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    // Proxies that buffer (nginx) would hold progress back until the end.
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
  }

  send(event: string, data: unknown): void {
    if (this.response.writableEnded) return;
    this.response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  end(): void {
    if (!this.response.writableEnded) this.response.end();
  }
}
