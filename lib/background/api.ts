/**
 * The slice of the browser API the background uses, as one small interface.
 * The entrypoint passes the real `browser`; unit tests pass a recording double,
 * so the logic is tested without a browser and without `any`.
 */
import type { ContentRequest } from '../messages';

/** A listener registration, as `browser.*.onX` objects have it. */
export interface EventLike<L> {
  addListener(listener: L): void;
}

/** What a message's sender looks like to the background. */
export interface BackgroundSender {
  id?: string;
  tab?: { id?: number };
}

/** A tab, as far as the background needs one. */
export interface TabLike {
  id?: number;
  url?: string;
}

/** The context-menu click details the background reads. */
export interface MenuClickInfo {
  menuItemId: string | number;
  selectionText?: string;
}

/** The browser API surface the background uses. */
export interface BackgroundApi {
  runtimeId: string;
  action: {
    setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
    setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void> | void;
  };
  tabs: {
    sendMessage(tabId: number, message: ContentRequest): Promise<unknown>;
    query(query: { active: true; currentWindow: true }): Promise<TabLike[]>;
    onUpdated: EventLike<(tabId: number, changeInfo: { status?: string }) => void>;
  };
  runtime: {
    onMessage: EventLike<(message: unknown, sender: BackgroundSender) => void>;
    onInstalled: EventLike<() => void>;
  };
  contextMenus: {
    create(details: { id: string; title: string; contexts: ['selection'] }): void;
    removeAll(): Promise<void> | void;
    onClicked: EventLike<(info: MenuClickInfo, tab?: TabLike) => void>;
  };
  commands: {
    onCommand: EventLike<(command: string, tab?: TabLike) => void>;
  };
}
