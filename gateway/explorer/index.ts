import path from 'node:path';

import express, { type Router } from 'express';

import { demoPersonaTokens, packageFile, type PersonaToken } from '../bundled-assets';

const here = (file: string) => path.join(__dirname, file);

/** The page's files: its own script and style, and GraphiQL from the installed packages. */
const ASSETS: Record<string, string> = {
  'explorer.js': here('explorer.js'),
  'explorer.css': here('explorer.css'),
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

/** The page, with no inline script or style: the Content-Security-Policy allows none. */
function page(personaTokens: PersonaToken[]): string {
  const options = personaTokens
    .map((p) => `<option value="${p.token}">${p.name} — ${p.description}</option>`)
    .join('');
  const picker = personaTokens.length
    ? `<label>Persona <select id="persona"><option value="">(none: paste your own token)</option>${options}</select></label>`
    : '<span>Paste your bearer token in the Headers tab.</span>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Maatwerk Gateway — explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.css">
<link rel="stylesheet" href="/explorer/explorer.css">
</head>
<body>
<header><strong>Maatwerk Gateway</strong>${picker}
<label>Purpose <input id="purpose" placeholder="(the mandate's only purpose)" size="28"></label></header>
<div id="graphiql"></div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>`;
}

/**
 * `GET /graphql` in a browser: GraphiQL, bundled from npm. With development authentication
 * (no AUTH_JWKS_URL) it offers the demo personas, whose tokens fill the Authorization header.
 */
export function explorer(options: { offerPersonas: boolean }): Router {
  const router = express.Router();
  router.get('/explorer/:asset', (req, res) => {
    const file = ASSETS[req.params.asset];
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1h' });
  });
  router.get('/graphql', async (req, res, next) => {
    // A GET that carries an operation (or a registered operation's hash) is for GraphQL.
    if (!req.accepts('html') || req.query.query || req.query.extensions) return next();
    const personaTokens = options.offerPersonas ? await demoPersonaTokens() : [];
    res.type('html').send(page(personaTokens));
  });
  return router;
}
