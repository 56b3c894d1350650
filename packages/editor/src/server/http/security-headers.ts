import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * helmet with a Content-Security-Policy the Monaco editor works under: scripts only from this origin
 * (no eval), web workers from this origin or `blob:` (Monaco and the language worker), inline styles
 * (Monaco sets element styles at run time), fonts and images from data URLs (the codicon font), no
 * framing. docs/security.md explains each directive.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", 'data:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The app loads nothing cross-origin; COEP would only break Monaco's blob workers in some browsers.
    crossOriginEmbedderPolicy: false,
    // Plain HTTP on loopback by default; HSTS belongs to the TLS proxy in front of an exposed server.
    strictTransportSecurity: false,
  });
}
