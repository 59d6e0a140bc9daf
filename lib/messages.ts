/**
 * Every message between the extension's parts, in one typed map (as Yomitan does).
 * Content script → background: the engine's work. Popup → content script: page status.
 */
export interface ArticleStatus {
  title: string | null;
  byline: string | null;
  han: number;
}

export interface PageStatus {
  host: string;
  enabled: boolean;
  chinese: boolean;
  articles: ArticleStatus[];
}

export interface BackgroundMessages {
  /** Segment texts; tokens come back flat: [start0, end0, start1, end1, …] per text. */
  segment: { req: { texts: string[] }; res: { tokens: number[][]; engine: string } };
  ping: { req: Record<string, never>; res: { ready: boolean } };
}

export interface ContentMessages {
  status: { req: Record<string, never>; res: PageStatus };
}

export type Envelope<M, K extends keyof M = keyof M> = K extends keyof M
  ? { type: K; data: M[K] extends { req: infer R } ? R : never }
  : never;

export type Res<M, K extends keyof M> = M[K] extends { res: infer R } ? R : never;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };
