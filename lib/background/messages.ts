/**
 * Messages the background accepts. Only the extension's own contexts may talk
 * to it; anything else, or anything malformed, is ignored without a reply.
 */
import { isFromExtension, type BackgroundRequest } from '../messages';
import type { BackgroundApi, BackgroundSender } from './api';
import { showCount } from './badge';

/** Largest count accepted: more than any page could have, so anything above is a bad message. */
const MAX_COUNT = 100_000;

/** Narrows an unknown message to a `BackgroundRequest`, or null. */
export function parseBackgroundRequest(message: unknown): BackgroundRequest | null {
  if (typeof message !== 'object' || message === null) return null;
  const m = message as { type?: unknown; count?: unknown };
  if (m.type === 'gloss:count' && typeof m.count === 'number' && Number.isInteger(m.count) && m.count >= 0 && m.count <= MAX_COUNT) {
    return { type: 'gloss:count', count: m.count };
  }
  return null;
}

/**
 * Handles one message. Returns true when it was acted on (for tests and logs).
 * The tab is taken from the sender, never from the message, so a content
 * script can only set its own tab's badge.
 */
export async function handleBackgroundMessage(api: BackgroundApi, message: unknown, sender: BackgroundSender): Promise<boolean> {
  if (!isFromExtension(sender, api.runtimeId)) return false;
  const request = parseBackgroundRequest(message);
  const tabId = sender.tab?.id;
  if (!request || tabId === undefined) return false;
  await showCount(api, tabId, request.count);
  return true;
}
