/**
 * The contracts between Gloss's parts. Everything here is plain data (JSON-safe),
 * so the same values flow from the engine (Node or content script) to the popup,
 * the cards, the CLI and the tests without conversion.
 *
 * Offsets are UTF-16 code-unit offsets (JavaScript string indices) into
 * `ArticleText.text`, half-open: `text.slice(start, end)`.
 */

/** What a block of article text is, as found by the extractor. */
export type BlockKind = 'title' | 'dek' | 'body';

/** One block of article text (a headline, a standfirst or a paragraph). */
export interface TextBlock {
  kind: BlockKind;
  /** Offset of the block's first character in `ArticleText.text`. */
  start: number;
  /** Offset just past the block's last character in `ArticleText.text`. */
  end: number;
}

/**
 * The article as the engine sees it: one string made of its blocks joined by
 * `BLOCK_SEPARATOR`, plus what the page says about itself. Built by
 * `lib/dom/extract` from a live page or a parsed HTML file, or directly by tests.
 */
export interface ArticleText {
  text: string;
  blocks: TextBlock[];
  /** Publication date, `YYYY-MM-DD`, or null when the page does not say. */
  date: string | null;
  /** BCP 47 language tag from the page, or null. */
  lang: string | null;
  title: string | null;
  url: string | null;
}

/** Blocks are joined with this, so no match can run from one block into the next. */
export const BLOCK_SEPARATOR = '\n\n';

/** A stretch of article text. `text === article.text.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A role held by a person, with the dates it was held (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`). */
export interface Role {
  title: string;
  org?: string;
  country?: string;
  from?: string | null;
  to?: string | null;
  sourceIds: string[];
}

/** How an official mention was recognised. */
export type OfficialVia = 'pack-name' | 'pack-alias' | 'pack-variant' | 'short-form' | 'title-pattern';

/** A mention of a named person with a public role. */
export interface OfficialMention extends Span {
  /** Canonical name ("Kim Hyun-chong"). */
  name: string;
  /** Pack entity id when the person is in a knowledge pack, else null. */
  entityId: string | null;
  packId: string | null;
  /** The role at the article's date (or as stated on the page), or null when unknown. */
  role: Role | null;
  via: OfficialVia;
  /** When the page's spelling is a known variant or misspelling: the standard spelling. */
  standardSpelling?: string;
}

/** The kinds of figure, as in the labels and the CLI output. */
export type FigureKind = 'money' | 'percent' | 'year' | 'date' | 'duration' | 'count' | 'other';

/** A period a figure refers to, as inclusive ISO dates. */
export interface Period {
  start: string;
  end: string;
  /** Human label, e.g. "2016" or "July 2017". */
  label: string;
}

/** The verdict of holding a figure against a pack's series. */
export type CheckVerdict = 'matches' | 'differs' | 'no-data';

/** A figure held against an official series. */
export interface FigureCheck {
  verdict: CheckVerdict;
  packId: string;
  seriesId: string;
  /** What the series measures, e.g. "US goods trade balance with South Korea". */
  seriesLabel: string;
  /** The period compared (a year label such as "2016"). */
  period: string;
  /** The official value in the series' unit (e.g. -27700000000), or null for no-data. */
  officialValue: number | null;
  /** The value the article states, signed like the series (deficit negative). */
  statedValue: number;
  unit: string;
  basis: string;
  sourceIds: string[];
  /** A plain-language explanation, e.g. "$28 billion rounds $27.7 billion (2016, goods, USTR)". */
  note: string;
  /** Other series values worth knowing for the same period (e.g. goods and services). */
  related?: { label: string; value: number; basis: string; sourceIds: string[] }[];
}

/** A figure: money, percentage, year, date, duration, count or rank. */
export interface Figure extends Span {
  kind: FigureKind;
  /** Normalised value: a number (money in units of `unit`, percent as 95 for 95%), an ISO date or year string, or null. */
  value: number | string | null;
  /** `USD`, `KRW`, `percent`, `year`, `day`, `month`, `rank`, a counted noun, … or null. */
  unit: string | null;
  /** True for dates that need the article's date to resolve ("last month"). */
  relative: boolean;
  /** The period the figure refers to, when it can be resolved. */
  period: Period | null;
  check?: FigureCheck;
}

/** Why a claim is worth checking. */
export interface CheckWorthiness {
  /** 0 (not worth checking) to 1 (check first). */
  score: number;
  reasons: string[];
}

/** A quoted or reported statement with its speaker. */
export interface Claim extends Span {
  quoted: boolean;
  /** Who said it, as written or resolved ("Kim Hyun-chong"), or null when unknown. */
  speaker: string | null;
  /** Pack entity id of the speaker when known. */
  speakerEntityId: string | null;
  worthiness: CheckWorthiness;
}

/** Everything the engine found in one article. */
export interface Annotations {
  date: string | null;
  officials: OfficialMention[];
  figures: Figure[];
  claims: Claim[];
  /** Ids of the packs whose topic this article is about. */
  topics: string[];
}
