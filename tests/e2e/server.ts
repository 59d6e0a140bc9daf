// Serves tests/fixtures/pages on 127.0.0.1 (and ../shared/fixtures/real-pages under /real/). Under /csp/ the same pages come with a strict
// Content-Security-Policy header (no inline styles or scripts, nothing remote).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { seedPageHtml } from '../fixtures/make-seed-page';

const ROOT = new URL('../fixtures/pages/', import.meta.url).pathname;
const REAL_ROOT = new URL('../../../shared/fixtures/real-pages/', import.meta.url).pathname;
const REAL_CSP = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'none'";
export const STRICT_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'";

export interface FixtureServer {
  url(path: string): string;
  close(): Promise<void>;
  /** Requests the server saw (to prove the extension made none of its own). */
  requests: string[];
}

/**
 * An extra route: HTML text, or a body of its own type (a PDF made in the test setup). `cors`:
 * sent with Access-Control-Allow-Origin: * (an extension page may then fetch it without host access).
 */
export type Route = () => string | { body: string | Uint8Array; type: string; cors?: boolean } | Promise<{ body: string | Uint8Array; type: string; cors?: boolean }>;

export async function serveFixtures(more: Record<string, Route> = {}): Promise<FixtureServer> {
  // The seed page is built from the seed text in ../shared (never copied into the project).
  const extra: Record<string, Route> = { '/seed.html': seedPageHtml, ...more };
  const requests: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    let path = url.pathname;
    const csp = path.startsWith('/csp/');
    if (csp) path = path.slice(4);
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
    if (csp) headers['content-security-policy'] = STRICT_CSP;
    if (extra[path]) {
      const got = await extra[path]();
      if (typeof got === 'string') res.writeHead(200, headers).end(got);
      else {
        headers['content-type'] = got.type;
        if (got.cors) headers['access-control-allow-origin'] = '*';
        res.writeHead(200, headers).end(got.body);
      }
      return;
    }
    // /real/<name>.html: the real news pages, read where they are kept (never copied here).
    const real = path.startsWith('/real/');
    // The saved pages' own scripts and remote requests would redirect, rebuild or wait on the
    // internet (this machine has none): a CSP keeps the page as saved, as the finder in Node reads
    // it. Extension content scripts are not bound by a page's CSP.
    if (real) headers['content-security-policy'] = REAL_CSP;
    const base = real ? REAL_ROOT : ROOT;
    const file = normalize(join(base, real ? path.slice(6) : path));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      if (!file.endsWith('.html')) headers['content-type'] = 'application/octet-stream';
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: (p) => `http://127.0.0.1:${port}${p.startsWith('/') ? p : '/' + p}`,
    close: () => new Promise((r) => server.close(() => r())),
    requests,
  };
}
