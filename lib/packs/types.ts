/**
 * The shape of a knowledge pack once validated (see `schema.ts` for the
 * validator and `korus.json` for the bundled pack). Every fact a user can see
 * carries `sourceIds` that point into `sources`, so the UI can always say who
 * published it and where.
 */
import type { Role } from '../types';

/** Where a fact comes from: shown to users as publisher + link. */
export interface PackSource {
  id: string;
  publisher: string;
  title: string;
  url: string;
  /** When the source was read, `YYYY-MM-DD`. */
  accessed: string;
  published?: string | null;
}

/** A person (or organisation) the pack knows. */
export interface PackEntity {
  id: string;
  kind: 'person' | 'organisation';
  /** Canonical name, e.g. "Kim Hyun-chong". */
  name: string;
  /** Other correct ways of writing the name ("Hyun Chong Kim"). */
  aliases: string[];
  /** Known misspellings; shown to users as "standard spelling: …". */
  misspellings: string[];
  /** Name in its native script (Hangul), or null. */
  nativeName: string | null;
  roles: Role[];
  /** One line, in the project's own words. */
  summary: string;
  sourceIds: string[];
}

/** One value of a series. */
export interface SeriesPoint {
  /** `YYYY` for annual series. */
  period: string;
  value: number;
  sourceIds: string[];
  note?: string;
  /** True when the value is rounded, derived or low-confidence. */
  approximate?: boolean;
}

/** A statistical series that article figures can be checked against. */
export interface PackSeries {
  id: string;
  /** What it measures, e.g. "US goods trade balance with South Korea". */
  label: string;
  /** Short basis, e.g. "goods, US Census basis". */
  basis: string;
  unit: 'USD';
  /** Negative values are deficits of the reporter. */
  points: SeriesPoint[];
  /** Words that tie a sentence to this series (figure check). */
  match: {
    /** e.g. "trade deficit", "trade gap", "trade surplus". */
    measureTerms: string[];
    /** e.g. "South Korea", "Korea", "Seoul". */
    partnerTerms: string[];
    /** When a sentence's figure could belong to several series, the primary one is compared first. */
    primary: boolean;
  };
  sourceIds: string[];
}

/** A dated event on the topic's timeline. */
export interface TimelineEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  /** In the project's own words. */
  event: string;
  /** Key milestones are drawn larger on the timeline. */
  key: boolean;
  sourceIds: string[];
}

/** A sourced fact in the project's own words. */
export interface PackFact {
  text: string;
  tags: string[];
  sourceIds: string[];
}

/** A validated knowledge pack. */
export interface KnowledgePack {
  schemaVersion: 1;
  id: string;
  name: string;
  version: string;
  description: string;
  /** Words and names that tell a page is about this pack's topic. */
  topicTerms: string[];
  sources: PackSource[];
  entities: PackEntity[];
  series: PackSeries[];
  timeline: TimelineEvent[];
  facts: PackFact[];
}
