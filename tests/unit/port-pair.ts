/**
 * An in-memory pair of connected `runtime.Port`s for unit tests of the annotate
 * protocol: messages cross in a later task and as JSON, as Chrome's ports do,
 * so anything that would not survive the real wire fails here too.
 */
import { serveAnnotatePort } from '../../lib/background/annotate-service';
import { bundledPacks } from '../../lib/packs/bundled';
import type { KnowledgePack } from '../../lib/packs/types';
import type { PortLike } from '../../lib/remote/port';
import { ANNOTATE_PORT } from '../../lib/remote/protocol';

/** A list of listeners with add/remove, like a browser event. */
export function event<L extends (...args: never[]) => void>(): { addListener(l: L): void; removeListener(l: L): void; fire(...args: Parameters<L>): void } {
  const listeners = new Set<L>();
  return {
    addListener: (l) => void listeners.add(l),
    removeListener: (l) => void listeners.delete(l),
    fire: (...args) => {
      for (const l of [...listeners]) l(...args);
    },
  };
}

export interface Wire {
  /** Every message the background posted, as the content script received it. */
  toClient: unknown[];
  /** Every message the content script posted, as the background received it. */
  toService: unknown[];
  disconnectedByClient: boolean;
}

/** Two connected ports; messages cross in a later task and as JSON, like Chrome's runtime ports. */
export function portPair(senderId: string): { client: PortLike; service: PortLike; wire: Wire } {
  const wire: Wire = { toClient: [], toService: [], disconnectedByClient: false };
  const clientMessage = event<(m: unknown) => void>();
  const clientDisconnect = event<() => void>();
  const serviceMessage = event<(m: unknown) => void>();
  const serviceDisconnect = event<() => void>();
  let open = true;
  const client: PortLike = {
    name: ANNOTATE_PORT,
    postMessage: (m) => {
      const json = JSON.stringify(m);
      setTimeout(() => {
        if (!open) return;
        wire.toService.push(JSON.parse(json));
        serviceMessage.fire(JSON.parse(json));
      }, 0);
    },
    disconnect: () => {
      if (!open) return;
      open = false;
      wire.disconnectedByClient = true;
      setTimeout(() => serviceDisconnect.fire(), 0);
    },
    onMessage: clientMessage,
    onDisconnect: clientDisconnect,
  };
  const service: PortLike = {
    name: ANNOTATE_PORT,
    sender: { id: senderId, tab: { id: 7 } },
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const json = JSON.stringify(m);
      setTimeout(() => {
        if (!open) return;
        // The log gets its own copy: the receiver may complete the objects it is given.
        wire.toClient.push(JSON.parse(json));
        clientMessage.fire(JSON.parse(json));
      }, 0);
    },
    disconnect: () => {
      if (!open) return;
      open = false;
      setTimeout(() => clientDisconnect.fire(), 0);
    },
    onMessage: serviceMessage,
    onDisconnect: serviceDisconnect,
  };
  return { client, service, wire };
}

/** A `runtime.connect` whose ports are served by the real annotate service (with the bundled packs), as the background would. */
export function connectToService(runtimeId: string, packs: readonly KnowledgePack[] = bundledPacks): (info: { name: string }) => PortLike {
  return () => {
    const { client, service } = portPair(runtimeId);
    serveAnnotatePort(service, { runtimeId, loadPacks: () => Promise.resolve(packs) });
    return client;
  };
}
