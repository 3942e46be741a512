import path from 'node:path';

import express, { type Router } from 'express';

import { demoPersonaTokens, packageFile } from '../bundled-assets';

const here = (file: string) => path.join(__dirname, file);

/** The page's files: its own, and Chart.js from the installed package (never a CDN). */
const FILES: Record<string, { file: string; type: string }> = {
  '/dashboard': { file: here('dashboard.html'), type: 'html' },
  '/dashboard/dashboard.js': { file: here('dashboard.js'), type: 'js' },
  '/dashboard/dashboard.css': { file: here('dashboard.css'), type: 'css' },
  '/dashboard/dashboard.graphql': { file: here('dashboard.graphql'), type: 'text' },
  '/dashboard/chart.js': { file: packageFile('chart.js', 'dist/chart.umd.min.js'), type: 'js' },
};

/**
 * `GET /dashboard`: charts and tables of the statistics a caller's mandate allows, read from
 * `POST /graphql` with the caller's own token. With development authentication it offers the
 * demo personas (`/dashboard/personas.json`); otherwise the user pastes a token.
 */
export function dashboard(options: { offerPersonas: boolean }): Router {
  const router = express.Router();
  for (const [route, { file, type }] of Object.entries(FILES)) {
    router.get(route, (_req, res) => {
      res.type(type).sendFile(file, { maxAge: '10m' });
    });
  }
  router.get('/dashboard/personas.json', async (_req, res) => {
    if (!options.offerPersonas) {
      res.status(404).json({ error: 'Demo personas are offered in development only.' });
      return;
    }
    res.json(await demoPersonaTokens());
  });
  return router;
}
