/**
 * The user's settings, as the rest of Gloss reads them. Stored through WXT's
 * storage API with a schema version and migrations (see `lib/settings/store.ts`).
 */

/** Which kinds of annotation are shown. */
export interface CategorySettings {
  officials: boolean;
  figures: boolean;
  claims: boolean;
}

/** When the content script annotates a page. */
export type RunMode = 'news' | 'always' | 'on-demand';

/** How highlights look. Colours are CSS colours chosen in the options page. */
export interface HighlightStyle {
  mode: 'underline' | 'background';
  officialColor: string;
  figureColor: string;
  claimColor: string;
}

/** Current settings (schema version 1). */
export interface Settings {
  version: 1;
  categories: CategorySettings;
  runMode: RunMode;
  /** Hostnames where Gloss never runs (exact host or parent domain). */
  disabledSites: string[];
  style: HighlightStyle;
}

/** Defaults used on first run and when stored settings are unreadable. */
export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  categories: { officials: true, figures: true, claims: true },
  runMode: 'news',
  disabledSites: [],
  style: {
    mode: 'background',
    officialColor: '#7c5cff',
    figureColor: '#0e9f6e',
    claimColor: '#f0b429',
  },
};
