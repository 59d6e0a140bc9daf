/**
 * Suite setup shared by the e2e files: one fixture server per file and one browser per
 * describe block, registered as hooks, handed out as stand-ins that reach the live instances.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launch, type BrowserName, type Session } from './browsers';
import { serveFixtures, type FixtureServer, type Route } from './server';
import { DEFAULT_SETTINGS, setStorage } from './page-helpers';

export function useFixtureServer(extra: Record<string, Route> = {}): FixtureServer {
  let server: FixtureServer | null = null;
  beforeAll(async () => {
    server = await serveFixtures(extra);
  });
  afterAll(async () => server?.close());
  return {
    url: (p) => server!.url(p),
    close: () => server!.close(),
    get requests() {
      return server!.requests;
    },
  };
}

/** A browser for the enclosing describe block; `fresh` resets settings and site rules before each test. */
export function useBrowser(name: BrowserName, opts: { fresh?: boolean } = {}): Session {
  let s: Session | null = null;
  beforeAll(async () => {
    s = await launch(name);
  });
  afterAll(async () => s?.close());
  const session: Session = {
    name,
    get browser() {
      return s!.browser;
    },
    get extensionOrigin() {
      return s!.extensionOrigin;
    },
    close: () => s!.close(),
  };
  // Stand-in and live session are the same browser: page-helpers key their probe page on it.
  if (opts.fresh) beforeEach(async () => setStorage(session, { settings: DEFAULT_SETTINGS, sites: {} }));
  return session;
}
