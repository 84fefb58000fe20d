/**
 * The background's side of the annotate protocol (`lib/remote/protocol.ts`):
 * annotates the articles Gloss's content scripts send, with the bundled packs
 * and the user's imported ones, and streams the result back in parts.
 *
 * The engine runs in slices here too: one tab's long article must not keep
 * the popup or another tab waiting for the whole of it, and a closed port (the
 * page changed, the tab closed) stops the work at the next pause.
 */
import { annotateInSlices } from '../engine/annotate';
import type { KnowledgePack } from '../packs/types';
import type { PortLike } from '../remote/port';
import { ANNOTATE_PORT, RequestJoiner, articleOfRequest, doneReply, listParts, type AnnotateReply } from '../remote/protocol';

/** What the service needs: who may connect, and where the packs come from. */
export interface AnnotateServiceDeps {
  runtimeId: string;
  /** Bundled plus imported packs, validated (user packs are read from storage, so this is async). */
  loadPacks: () => Promise<readonly KnowledgePack[]>;
  /** Slice length in ms (default 40: no UI thread to keep smooth here, only other requests). */
  budgetMs?: number;
}

/**
 * Hands the event loop a turn between slices. A message on a channel rather
 * than `setTimeout(0)`: chained timeouts are clamped to 4 ms each, which on a
 * long article added a tenth to the engine's time.
 */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Serves one connected port: one request (its text maybe in pieces), then the replies, then the port is closed by the client. */
export function serveAnnotatePort(port: PortLike, deps: AnnotateServiceDeps): void {
  if (port.name !== ANNOTATE_PORT) return;
  // Only Gloss's own content scripts (and pages) may ask; anything else is dropped without a reply.
  if (port.sender?.id !== deps.runtimeId) {
    port.disconnect();
    return;
  }
  const closed = new AbortController();
  const post = (reply: AnnotateReply): void => {
    if (closed.signal.aborted) return;
    try {
      port.postMessage(reply);
    } catch {
      closed.abort();
    }
  };
  const onDisconnect = (): void => closed.abort();
  port.onDisconnect.addListener(onDisconnect);
  const joiner = new RequestJoiner();
  const fail = (e: unknown): void => post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  const onMessage = (msg: unknown): void => {
    let complete: { request: unknown } | null;
    try {
      complete = joiner.add(msg);
    } catch (e) {
      port.onMessage.removeListener(onMessage);
      fail(e);
      return;
    }
    if (!complete) return;
    port.onMessage.removeListener(onMessage);
    void answer(complete.request).catch(fail);
  };
  const answer = async (msg: unknown): Promise<void> => {
    const isPacksRequest = typeof msg === 'object' && msg !== null && (msg as { type?: unknown }).type === 'packs';
    const article = isPacksRequest ? null : articleOfRequest(msg);
    if (!isPacksRequest && !article) {
      post({ type: 'error', message: 'Gloss: malformed annotate request' });
      return;
    }
    const packs = await deps.loadPacks();
    if (!article) {
      post({ type: 'packs', packs: [...packs] });
      return;
    }
    // Officials and figures go out as soon as they are final, so the page parses them while the
    // engine looks for claims (the last and longest detector) instead of after it.
    const send = (replies: Iterable<AnnotateReply>): void => {
      for (const reply of replies) {
        if (closed.signal.aborted) return;
        post(reply);
      }
    };
    const annotations = await annotateInSlices(article, packs, {
      budgetMs: deps.budgetMs ?? 40,
      yield: nextTask,
      signal: closed.signal,
      progress: {
        officials: (officials) => send(listParts('officials', officials, article.text)),
        figures: (figures) => send(listParts('figures', figures, article.text)),
      },
    });
    if (!annotations) return;
    send(listParts('claims', annotations.claims, article.text));
    send([doneReply(annotations)]);
  };
  port.onMessage.addListener(onMessage);
}
