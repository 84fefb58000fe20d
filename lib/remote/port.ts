/**
 * The slice of `runtime.Port` both ends of the annotate protocol use, so the
 * client and the service are tested over an in-memory pair without a browser.
 */

/** A listener registration on a port event. */
export interface PortEvent<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/** A `runtime.Port`, as far as Gloss uses one. */
export interface PortLike {
  name: string;
  sender?: { id?: string; tab?: { id?: number } };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: PortEvent<(message: unknown) => void>;
  onDisconnect: PortEvent<() => void>;
}
