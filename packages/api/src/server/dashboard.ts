import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The dashboard's client-side routes (packages/dashboard/src/app/router.tsx `parseRoute`). Only
 * these answer with index.html: any other path is a 404, so a mistyped API path or a probe for
 * `/metrics.php` never gets a 200 with the dashboard's HTML.
 */
export const DASHBOARD_ROUTES = [
  '/',
  '/sign-in',
  '/queue',
  '/customers/:customerId',
  '/customers/:customerId/recovery-requests/new',
  '/recovery-requests/:requestId',
  // the risk admin's pages (ADMIN_PAGES in router.tsx)
  '/admin/partners',
  '/admin/stress-tests',
  '/admin/promotions',
  '/admin/category-limits',
  '/admin/jobs',
];

/** Vite names the files under assets/ by their content hash: they never change, so cache them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serve the built dashboard from `root`: index.html (never cached, so a deployment is seen at
 * once) for the dashboard's routes, hashed assets with a year's cache, and the few other files
 * at the top of the build. Returns false when there is no build (the API runs alone).
 */
export function registerDashboard(app: FastifyInstance, root: string): boolean {
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) return false;

  const sendIndex = async (_req: FastifyRequest, reply: FastifyReply) =>
    reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(await readFile(index));
  for (const url of DASHBOARD_ROUTES) app.get(url, sendIndex);

  const sendFile = (reply: FastifyReply, file: string, cache: string) =>
    reply
      .header('cache-control', cache)
      .type(TYPES[path.extname(file)] ?? 'application/octet-stream')
      .send(createReadStream(file));

  const assets = path.join(root, 'assets');
  app.get('/assets/*', async (req, reply) => {
    const name = (req.params as { '*': string })['*'];
    const file = path.normalize(path.join(assets, name));
    if (!file.startsWith(assets + path.sep) || !existsSync(file) || !statSync(file).isFile())
      return reply.callNotFound();
    return sendFile(reply, file, IMMUTABLE);
  });

  // favicon and friends: fixed names, so revalidated rather than cached for a year.
  for (const name of readdirSync(root)) {
    const file = path.join(root, name);
    if (name === 'index.html' || !statSync(file).isFile()) continue;
    app.get(`/${name}`, async (_req, reply) => sendFile(reply, file, 'public, max-age=3600'));
  }
  return true;
}
