/**
 * A tiny static file server bound to 127.0.0.1 on a random free port.
 *
 * The browser tests, the demo and the smoke run need real `http://` pages:
 * content scripts do not run on `file://` URLs by default, and a URL with a
 * dated path (`/2017/08/23/…`) is what a news site looks like. Nothing here
 * listens on a public interface.
 *
 * CLI: `tsx scripts/serve.ts [directory]` serves a directory (default
 * `samples/`) and prints its URL until interrupted.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

/** What to serve: fixed routes (URL path → file) and/or a directory tree. */
export interface ServeOptions {
  /** Exact URL paths mapped to files, e.g. `{ '/2017/08/23/seed.html': 'samples/seed-korus-2017.html' }`. */
  routes?: Record<string, string>;
  /** A directory whose files are served under `/` (paths outside it are refused). */
  root?: string;
}

/** A running server: its base URL (no trailing slash) and a way to stop it. */
export interface StaticServer {
  origin: string;
  /** Absolute URL for a path on this server. */
  url(path: string): string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/** The URL path served for the seed article: dated like a real news URL. */
export const SEED_PATH = '/2017/08/23/seed.html';

/** The bundled sample article, relative to the repository root. */
export const SEED_FILE = 'samples/seed-korus-2017.html';

/** Repository root (this file lives in `scripts/`). */
export const REPO_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** Maps a request path to a file inside `root`, or null when it would escape it. */
function fileInRoot(root: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath);
  const candidate = normalize(join(root, decoded));
  return candidate === root || candidate.startsWith(root + sep) ? candidate : null;
}

/** Starts the server; resolves once it is listening. */
export async function startStaticServer(options: ServeOptions): Promise<StaticServer> {
  const routes = new Map(
    Object.entries(options.routes ?? {}).map(([path, file]) => [path, resolve(REPO_ROOT, file)]),
  );
  const root = options.root ? resolve(REPO_ROOT, options.root) : null;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      let file = routes.get(path) ?? (root ? fileInRoot(root, path) : null);
      try {
        if (file && (await stat(file)).isDirectory()) file = join(file, 'index.html');
        if (!file) throw new Error('not found');
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('not found');
      }
    })();
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Serves the seed article at `SEED_PATH`. */
export function serveSeedArticle(): Promise<StaticServer> {
  return startStaticServer({ routes: { [SEED_PATH]: SEED_FILE } });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'samples';
  const server = await startStaticServer({ root: dir, routes: { [SEED_PATH]: SEED_FILE } });
  console.log(`Serving ${resolve(REPO_ROOT, dir)} at ${server.origin}/ (seed article: ${server.url(SEED_PATH)})`);
  console.log('Press Ctrl+C to stop.');
}
