/**
 * Migrations between stored settings schemas. Each step takes the previous
 * version's shape and returns the next one; `migrateSettings` runs the chain
 * from whatever version is stored up to `SETTINGS_VERSION`. Validation comes
 * after migration, so a step only has to translate, not to check.
 */

/** The schema version this build writes. */
export const SETTINGS_VERSION = 1;

/**
 * The shape written before settings were versioned (v0): flat switches and a
 * single highlight colour. Kept so that stored data of that shape still loads.
 */
export interface SettingsV0 {
  enabled?: boolean;
  showOfficials?: boolean;
  showFigures?: boolean;
  showClaims?: boolean;
  /** Sites where Gloss never ran, as typed by the user. */
  blockedHosts?: string[];
  /** One colour for every kind of highlight. */
  highlightColor?: string;
  underline?: boolean;
}

/** The colours v1 shipped with, frozen here so this step never changes when later defaults do. */
const V1_DEFAULT_COLOURS = { official: '#7c5cff', figure: '#0e9f6e', claim: '#f0b429' } as const;

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

/** v0 → v1: categories grouped, "enabled: false" becomes "only when asked", one colour for all kinds. */
function v0ToV1(old: Record<string, unknown>): Record<string, unknown> {
  const v0 = old as SettingsV0;
  const colour = v0.highlightColor;
  return {
    version: 1,
    categories: {
      officials: v0.showOfficials ?? true,
      figures: v0.showFigures ?? true,
      claims: v0.showClaims ?? true,
    },
    runMode: v0.enabled === false ? 'on-demand' : 'news',
    disabledSites: v0.blockedHosts ?? [],
    style: {
      mode: v0.underline === true ? 'underline' : 'background',
      officialColor: colour ?? V1_DEFAULT_COLOURS.official,
      figureColor: colour ?? V1_DEFAULT_COLOURS.figure,
      claimColor: colour ?? V1_DEFAULT_COLOURS.claim,
    },
  };
}

/** Keyed by the version each step produces. */
const MIGRATIONS: Record<number, Migration> = { 1: v0ToV1 };

/** The version a stored value declares; a value without a numeric `version` is v0. */
export function storedVersion(raw: Record<string, unknown>): number {
  const v = raw.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

/** Outcome of bringing a stored value up to date. */
export interface MigrationResult {
  value: Record<string, unknown>;
  /** The version the value was stored at. */
  from: number;
  /** True when a step ran, so the caller should write the value back. */
  migrated: boolean;
}

/**
 * Runs the migrations from the stored version up to `SETTINGS_VERSION`. A value
 * from a newer build (downgrade) is passed through unchanged: validation keeps
 * whatever fields this build still understands.
 */
export function migrateSettings(raw: Record<string, unknown>): MigrationResult {
  const from = storedVersion(raw);
  let value = raw;
  for (let v = from + 1; v <= SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No settings migration to version ${v}`);
    value = step(value);
  }
  return { value, from, migrated: from < SETTINGS_VERSION };
}
