import express, { type Router } from 'express';

import { demoPersonaTokens, packageFile, type PersonaToken } from './bundled-assets';

const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

const DEFAULT_QUERY = `# Pick a persona above: its token fills the Authorization header.
{
  person(id: "P-000001") {
    firstName
    lastName
    residence { name }
    advices { type status validUntil }
  }
}
`;

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
<style>
  body { margin: 0; height: 100vh; display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  header { padding: 6px 12px; display: flex; gap: 16px; align-items: center; background: #1d3557; color: white; }
  header select, header input { font-size: 14px; margin-left: 6px; }
  #graphiql { flex: 1; }
</style>
</head>
<body>
<header><strong>Maatwerk Gateway</strong>${picker}
<label>Purpose <input id="purpose" placeholder="(the mandate's only purpose)" size="28"></label></header>
<div id="graphiql"></div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script>
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  const persona = document.getElementById('persona');
  const purpose = document.getElementById('purpose');
  function headers() {
    const value = {};
    if (persona && persona.value) value.Authorization = 'Bearer ' + persona.value;
    if (purpose.value) value['x-purpose'] = purpose.value;
    return JSON.stringify(value, null, 2);
  }
  function render() {
    root.render(React.createElement(GraphiQL, {
      key: headers(),
      fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
      defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
      headers: headers(),
      shouldPersistHeaders: false,
    }));
  }
  if (persona) persona.addEventListener('change', render);
  purpose.addEventListener('change', render);
  render();
</script>
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
