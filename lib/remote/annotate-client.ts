/**
 * The content script's side of the annotate protocol (see `protocol.ts`): it
 * sends the article to Gloss's background and assembles the annotations it
 * streams back. Each call uses its own port, so aborting a run (a newer page
 * change, `stop()`) is just closing that port; the background then stops
 * annotating at its next pause.
 */
import type { KnowledgePack } from '../packs/types';
import type { ArticleText } from '../types';
import type { AnnotationSet } from '../annotation-set';
import type { PortLike } from './port';
import { ANNOTATE_PORT, AnnotationAssembler, requestMessages, type AnnotateReply, type AnnotateRequest, type MoreText, type TextReader } from './protocol';

/** Opens a port to the background (`browser.runtime.connect`). */
export type Connect = (info: { name: string }) => PortLike;

/**
 * Posts the rest of a long article's text: calls `postNext` once per task
 * until it returns false (each call posts one piece and says whether more
 * remain). The content script spaces the calls with yields to the page, so
 * that serialising the text is several short tasks rather than one long one.
 */
export type Pace = (postNext: () => boolean) => Promise<void>;

/** Thrown when the background cannot annotate (it went away, or reported an error). */
export class RemoteAnnotateError extends Error {
  override name = 'RemoteAnnotateError';
}

function isReply(msg: unknown): msg is AnnotateReply {
  const type = typeof msg === 'object' && msg !== null ? (msg as { type?: unknown }).type : undefined;
  return type === 'packs' || type === 'part' || type === 'done' || type === 'error';
}

/** Annotates through the background, and fetches the packs once for the cards. */
export class RemoteAnnotator {
  private latestPacks: readonly KnowledgePack[] = [];
  private packsLoad: Promise<readonly KnowledgePack[]> | null = null;

  /** Without `pace`, every piece of a long text is posted at once. */
  constructor(
    private readonly connect: Connect,
    private readonly pace?: Pace,
  ) {}

  /** The packs, once `ensurePacks` has fetched them; none before. */
  get packs(): readonly KnowledgePack[] {
    return this.latestPacks;
  }

  /**
   * Annotates `article` in the background. Resolves to null when `signal`
   * aborts; rejects with `RemoteAnnotateError` when the background fails.
   * `textOf` reads the article's text back when an annotation is made (the
   * page's text nodes, in the content script); without it the annotations
   * keep `article.text` alive as long as they live.
   */
  annotate(article: ArticleText, signal?: AbortSignal, textOf?: TextReader): Promise<AnnotationSet | null> {
    const [request, ...rest] = requestMessages(article);
    return this.request(request, signal, textOf ?? article.text, rest);
  }

  /** Fetches the packs once (the cards read them); a failed fetch is tried again on the next call. */
  ensurePacks(): Promise<readonly KnowledgePack[]> {
    if (this.latestPacks.length > 0) return Promise.resolve(this.latestPacks);
    this.packsLoad ??= this.request({ type: 'packs' }).then(
      () => this.latestPacks,
      () => {
        this.packsLoad = null;
        return this.latestPacks;
      },
    );
    return this.packsLoad;
  }

  /**
   * Sends `req` and collects the replies. Nothing here keeps `req` once it is
   * sent: a request holds the article's text, which the page need not keep
   * while the background works (`HeldArticle`).
   */
  private request(req: AnnotateRequest, signal?: AbortSignal, text: string | TextReader = '', rest: MoreText[] = []): Promise<AnnotationSet | null> {
    if (signal?.aborted) return Promise.resolve(null);
    const wantsPacks = req.type === 'packs';
    const port = this.connect({ name: ANNOTATE_PORT });
    try {
      // Sent before the listeners are added (replies arrive in later tasks), so no listener holds `req`.
      port.postMessage(req);
    } catch (e) {
      try {
        port.disconnect();
      } catch {
        // Already gone.
      }
      return Promise.reject(new RemoteAnnotateError(e instanceof Error ? e.message : String(e)));
    }
    return new Promise<AnnotationSet | null>((resolve, reject) => {
      const assembler = new AnnotationAssembler(text);
      let settled = false;
      const finish = (value: AnnotationSet | null, error?: Error): void => {
        if (settled) return;
        settled = true;
        port.onMessage.removeListener(onMessage);
        port.onDisconnect.removeListener(onDisconnect);
        signal?.removeEventListener('abort', onAbort);
        try {
          port.disconnect();
        } catch {
          // Already gone.
        }
        if (error) reject(error);
        else resolve(value);
      };
      const onMessage = (msg: unknown): void => {
        if (!isReply(msg)) return;
        try {
          if (msg.type === 'error') finish(null, new RemoteAnnotateError(msg.message));
          else if (msg.type === 'packs') {
            this.latestPacks = Object.freeze([...msg.packs]);
            if (wantsPacks) finish(null);
          } else {
            const done = assembler.add(msg);
            if (done) finish(done);
          }
        } catch (e) {
          finish(null, new RemoteAnnotateError(e instanceof Error ? e.message : String(e)));
        }
      };
      const onDisconnect = (): void => finish(null, new RemoteAnnotateError('Gloss: the background closed the connection'));
      const onAbort = (): void => finish(null);
      port.onMessage.addListener(onMessage);
      port.onDisconnect.addListener(onDisconnect);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (rest.length === 0) return;
      // Each piece is dropped once posted: the pieces are slices that keep the whole text alive.
      const postNext = (): boolean => {
        if (settled) rest.length = 0;
        const piece = rest.shift();
        if (!piece) return false;
        try {
          port.postMessage(piece);
        } catch (e) {
          finish(null, new RemoteAnnotateError(e instanceof Error ? e.message : String(e)));
          return false;
        }
        return rest.length > 0;
      };
      if (!this.pace) while (postNext());
      else this.pace(postNext).catch((e: unknown) => finish(null, new RemoteAnnotateError(e instanceof Error ? e.message : String(e))));
    });
  }
}
