/**
 * Reading and writing the user's settings in `browser.storage.local` through
 * WXT's storage API, with a versioned schema (see `migrations.ts`), field-by-
 * field recovery (see `validate.ts`) and serialised read-modify-write.
 *
 * Why not `storage.defineItem({ version, migrations })`: its migrations run
 * without a way to keep the valid part of a corrupt value and say what was
 * lost, and Gloss must do both. The envelope is simply the `version` field.
 */
import { storage } from 'wxt/utils/storage';
import type { Settings } from './types';
import { validateSettings } from './validate';
import { interpretStored, isRecord } from './interpret';

export { interpretStored } from './interpret';

/** Where the settings live. Imported packs use their own key, so a bad settings value never touches them. */
export const SETTINGS_KEY = 'local:settings' as const;
/** Where the "settings were repaired" notice lives until the user dismisses it. */
export const NOTICE_KEY = 'local:settingsNotice' as const;

/** Shown by the options page and the popup after stored settings had to be repaired. */
export interface SettingsNotice {
  kind: 'recovered';
  /** Paths of the fields reset to defaults (`""` means the whole value was unreadable). */
  fields: string[];
  /** ISO time of the repair. */
  at: string;
}

/** Settings as loaded, with the notice to show (if any). */
export interface LoadedSettings {
  settings: Settings;
  notice: SettingsNotice | null;
}

/** A write to storage failed; `quota` is true when the browser's storage quota was the reason. */
export class StorageWriteError extends Error {
  readonly quota: boolean;
  constructor(message: string, quota: boolean, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StorageWriteError';
    this.quota = quota;
  }
}

/** True for the browsers' quota messages ("QUOTA_BYTES quota exceeded", "…exceeded its quota"). */
function isQuotaMessage(message: string): boolean {
  return /quota/i.test(message);
}

/**
 * Writes one key and turns a failure into a `StorageWriteError`, so callers
 * can tell the user "storage is full" instead of losing the write silently.
 */
export async function writeItem(key: `local:${string}`, value: unknown): Promise<void> {
  try {
    await storage.setItem(key, value);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new StorageWriteError(message, isQuotaMessage(message), { cause: err });
  }
}

const queues = new Map<string, Promise<unknown>>();

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | null {
  // Only Gloss's own pages share an origin worth locking across. In a content script `navigator.locks`
  // belongs to the web page: the page could hold the lock forever, and in Firefox the request from the
  // content script's compartment fails, which silently dropped the user's settings for defaults.
  const protocol = (globalThis as { location?: { protocol?: string } }).location?.protocol ?? '';
  if (protocol !== 'chrome-extension:' && protocol !== 'moz-extension:') return null;
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

/**
 * Runs `task` after every earlier task for the same key has settled. Inside one
 * context a promise chain orders the tasks; across the extension's own pages
 * (popup, options, background share one origin) the Web Locks API does, when
 * the browser has it, so two open pages cannot interleave a read-modify-write.
 */
export function serialise<T>(key: string, task: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  const run = locks ? () => locks.request(`gloss:${key}`, task) : task;
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(run, run);
  const tail = next.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return next;
}

async function readRaw(key: `local:${string}`): Promise<unknown> {
  try {
    return await storage.getItem<unknown>(key);
  } catch {
    // A value the storage layer itself cannot parse counts as corrupt, not as a crash.
    return Symbol.for('gloss:unreadable');
  }
}

async function loadUnlocked(): Promise<LoadedSettings> {
  const raw = await readRaw(SETTINGS_KEY);
  const { settings, invalid, rewrite } = interpretStored(raw);
  let notice = await readNotice();
  if (invalid.length > 0) {
    notice = { kind: 'recovered', fields: invalid, at: new Date().toISOString() };
    await writeItem(NOTICE_KEY, notice);
  }
  if (rewrite) await writeItem(SETTINGS_KEY, settings);
  return { settings, notice };
}

async function readNotice(): Promise<SettingsNotice | null> {
  const raw = await readRaw(NOTICE_KEY);
  if (!isRecord(raw) || raw.kind !== 'recovered' || !Array.isArray(raw.fields)) return null;
  return {
    kind: 'recovered',
    fields: raw.fields.filter((f): f is string => typeof f === 'string'),
    at: typeof raw.at === 'string' ? raw.at : '',
  };
}

/**
 * Loads the settings, migrating older shapes and repairing corrupt fields.
 * A repair is written back and leaves a notice for the UI to show.
 */
export function loadSettings(): Promise<LoadedSettings> {
  return serialise(SETTINGS_KEY, loadUnlocked);
}

/** The current settings, without the notice. */
export async function getSettings(): Promise<Settings> {
  return (await loadSettings()).settings;
}

/**
 * Read-modify-write of the settings, serialised so that two updates made at
 * once both land. `change` gets a copy and returns the next settings, which
 * are validated before they are written. Throws `StorageWriteError` when the
 * write fails (quota included).
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return serialise(SETTINGS_KEY, async () => {
    const { settings } = await loadUnlocked();
    const next = validateSettings(change(structuredClone(settings))).settings;
    await writeItem(SETTINGS_KEY, next);
    return next;
  });
}

/**
 * Replaces all settings with an imported value (options page "Import settings").
 * Older shapes are migrated; invalid fields are reported and take defaults.
 */
export function importSettings(raw: unknown): Promise<{ settings: Settings; invalid: string[] }> {
  return serialise(SETTINGS_KEY, async () => {
    const { settings, invalid } = interpretStored(raw);
    await writeItem(SETTINGS_KEY, settings);
    return { settings, invalid };
  });
}

/** Removes the repair notice (the user has read it). */
export async function dismissNotice(): Promise<void> {
  await storage.removeItem(NOTICE_KEY);
}

/** Calls `callback` with the validated settings whenever any context changes them. Returns the unsubscribe function. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return storage.watch<unknown>(SETTINGS_KEY, (value) => {
    callback(interpretStored(value).settings);
  });
}
