import helmet from 'helmet';

/**
 * The browser's security headers on every page and answer of the gateway (helmet): a
 * Content-Security-Policy that runs only the gateway's own files (the explorer and the dashboard
 * bundle theirs from npm and have no inline script or style), lets no site frame a page
 * (clickjacking), no MIME sniffing, and no Referer, which would carry a page's URL (a persona,
 * an operation in a GET) to wherever a link leads. `upgrade-insecure-requests` is left out: TLS
 * ends in front of the gateway, and a local run is plain http.
 */
export const securityHeaders = () =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // GraphiQL's and Chart.js's icons and fonts come as data: URLs in their own CSS.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
  });
