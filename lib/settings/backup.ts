/**
 * The "all settings" file of the options page: settings plus imported packs,
 * in one JSON document with a format tag and version, so a file from another
 * machine (or an older Gloss) can be recognised and migrated.
 */
import type { KnowledgePack } from '../packs/types';
import type { Settings } from './types';

/** The backup file's shape. */
export interface SettingsBackup {
  format: 'gloss-settings';
  version: 1;
  exportedAt: string;
  settings: Settings;
  packs: KnowledgePack[];
}

/** Builds the backup document. */
export function makeBackup(settings: Settings, packs: readonly KnowledgePack[], exportedAt: string): SettingsBackup {
  return { format: 'gloss-settings', version: 1, exportedAt, settings, packs: [...packs] };
}

/** A backup as read from a file: the raw settings value and raw packs, still to be validated. */
export interface ParsedBackup {
  settings: unknown;
  packs: unknown[];
}

/**
 * Reads a backup file's text. Accepts the backup document, or a bare settings
 * object (what older builds exported). Returns null when the text is not one.
 */
export function readBackup(text: string): ParsedBackup | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const doc = json as Record<string, unknown>;
  if (doc.format === 'gloss-settings') {
    return { settings: doc.settings, packs: Array.isArray(doc.packs) ? doc.packs : [] };
  }
  if (doc.format === undefined && ('categories' in doc || 'runMode' in doc || 'showOfficials' in doc || 'blockedHosts' in doc)) {
    return { settings: doc, packs: [] };
  }
  return null;
}
