/**
 * Scoring Gloss's output against labelled articles (schema in the fixtures
 * README): maps each prediction from article offsets to (field, code-point
 * offset in field), then matches by overlap as the label rules suggest.
 * Pure functions, so the unit test can score a tiny labelled article.
 */
import type { ArticleText, Annotations } from '../lib/types';

/** The label fields a span can sit in. */
export type LabelField = 'title' | 'dek' | 'body';

interface GoldSpan {
  text: string;
  field: LabelField;
  start: number;
  end: number;
}

/** A gold official mention. */
export interface GoldOfficial extends GoldSpan {
  name: string;
  role?: string;
}
/** A gold figure. */
export interface GoldFigure extends GoldSpan {
  kind: string;
  relative?: boolean;
}
/** A gold claim. */
export interface GoldClaim extends GoldSpan {
  speaker: string | null;
  quoted: boolean;
}
/** A gold named person who is not an official ("don't care" for official predictions). */
export interface GoldPerson extends GoldSpan {
  name: string;
}

/** The parts of a labels file the scorer reads. */
export interface Labels {
  id: string;
  html: string;
  date?: string | null;
  title: string;
  dek: string | null;
  body: string;
  officials: GoldOfficial[];
  figures: GoldFigure[];
  claims: GoldClaim[];
  other_people?: GoldPerson[];
}

/** A prediction's place in the label fields (code-point offsets), or null when outside them. */
export interface FieldSpan {
  field: LabelField;
  start: number;
  end: number;
}

/** Whitespace-normalised text with, for each of its characters, the source index it came from. */
interface Normalised {
  text: string;
  /** `source[i]` is the index in the original of `text[i]`; one extra entry for the end. */
  source: number[];
}

function normaliseWithMap(raw: string): Normalised {
  let text = '';
  const source: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (/\s/.test(ch)) {
      if (text.length > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      text += ' ';
      source.push(pendingSpace);
      pendingSpace = -1;
    }
    text += ch;
    source.push(i);
  }
  source.push(raw.length);
  return { text, source };
}

/** Collapses runs of whitespace to one space and trims. */
export function normaliseSpace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Code-point offset of UTF-16 index `index` in `s` (labels use Python offsets). */
export function toCodePoints(s: string, index: number): number {
  let cp = 0;
  for (let i = 0; i < index && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
    cp++;
  }
  return cp;
}

interface MappedBlock {
  /** Block start/end in the article text. */
  start: number;
  end: number;
  field: LabelField;
  /** For each normalised char of the block, its offset in the article. */
  blockNorm: Normalised;
  /** Field index (UTF-16) of each normalised char of the block's match, from the field's own map. */
  fieldIndex: number[];
  fieldText: string;
}

/** How the extraction lined up with the labelled fields. */
export interface ExtractionCheck {
  titleMatches: boolean;
  dekMatches: boolean;
  /** Body blocks whose text was not found in the labelled body. */
  extraBlocks: string[];
  /** Labelled body lines not covered by any extracted block. */
  missingLines: string[];
}

/** Maps article offsets to label fields, block by block. */
export class FieldMapper {
  private readonly blocks: MappedBlock[] = [];
  readonly check: ExtractionCheck;

  constructor(article: ArticleText, labels: Pick<Labels, 'title' | 'dek' | 'body'>) {
    const fields: Record<LabelField, string> = { title: labels.title, dek: labels.dek ?? '', body: labels.body };
    const norms: Record<LabelField, Normalised> = {
      title: normaliseWithMap(fields.title),
      dek: normaliseWithMap(fields.dek),
      body: normaliseWithMap(fields.body),
    };
    const cursor: Record<LabelField, number> = { title: 0, dek: 0, body: 0 };
    const extraBlocks: string[] = [];
    const covered: [number, number][] = [];
    let titleMatches = false;
    let dekMatches = labels.dek === null || labels.dek.trim() === '';
    for (const block of article.blocks) {
      const raw = article.text.slice(block.start, block.end);
      const blockNorm = normaliseWithMap(raw);
      if (blockNorm.text === '') continue;
      const field: LabelField = block.kind;
      const fieldNorm = norms[field];
      const at = fieldNorm.text.indexOf(blockNorm.text, cursor[field]);
      if (at < 0) {
        if (field === 'body') extraBlocks.push(normaliseSpace(raw));
        continue;
      }
      if (field === 'title' && blockNorm.text === fieldNorm.text) titleMatches = true;
      if (field === 'dek' && blockNorm.text === fieldNorm.text) dekMatches = true;
      cursor[field] = at + blockNorm.text.length;
      if (field === 'body') covered.push([at, at + blockNorm.text.length]);
      const fieldIndex = fieldNorm.source.slice(at, at + blockNorm.text.length + 1);
      // The entry past the last char is the end of that char in the field.
      const lastSource = fieldNorm.source[at + blockNorm.text.length - 1] ?? 0;
      fieldIndex[blockNorm.text.length] = lastSource + 1;
      this.blocks.push({ start: block.start, end: block.end, field, blockNorm, fieldIndex, fieldText: fields[field] });
    }
    const missingLines: string[] = [];
    let lineStart = 0;
    // Body lines: split the *normalised* body at the positions of newlines in the original.
    for (const line of fields.body.split('\n')) {
      const norm = normaliseSpace(line);
      if (norm === '') {
        lineStart += line.length + 1;
        continue;
      }
      const at = norms.body.text.indexOf(norm, Math.max(0, toNormIndex(norms.body, lineStart)));
      const isCovered = at >= 0 && covered.some(([s, e]) => s <= at && at + norm.length <= e);
      if (!isCovered) missingLines.push(norm);
      lineStart += line.length + 1;
    }
    this.check = { titleMatches, dekMatches, extraBlocks, missingLines };
  }

  /** The label-field span of article span [start, end), or null when it is not in a labelled block. */
  map(start: number, end: number): FieldSpan | null {
    const block = this.blocks.find((b) => b.start <= start && start < b.end);
    if (!block) return null;
    const rawStart = start - block.start;
    const rawEnd = Math.min(end, block.end) - block.start;
    const normStart = firstAtOrAfter(block.blockNorm.source, rawStart);
    const normEnd = firstAtOrAfter(block.blockNorm.source, rawEnd);
    const fieldStart = block.fieldIndex[normStart];
    const fieldEnd = block.fieldIndex[normEnd];
    if (fieldStart === undefined || fieldEnd === undefined) return null;
    return {
      field: block.field,
      start: toCodePoints(block.fieldText, fieldStart),
      end: toCodePoints(block.fieldText, Math.max(fieldStart, fieldEnd)),
    };
  }
}

function toNormIndex(norm: Normalised, sourceIndex: number): number {
  return firstAtOrAfter(norm.source, sourceIndex);
}

/** Smallest i with `source[i] >= value` (source is increasing). */
function firstAtOrAfter(source: number[], value: number): number {
  let lo = 0;
  let hi = source.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((source[mid] ?? Infinity) >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Precision/recall counts plus an attribute accuracy over matched pairs. */
export interface KindScore {
  tp: number;
  fp: number;
  fn: number;
  /** Matched pairs whose attribute (name, kind, speaker) agrees. */
  attrOk: number;
  /** Matched claims whose quoted flag agrees (claims only). */
  quotedOk?: number;
}

/** Derived rates of a `KindScore`. */
export interface Rates {
  precision: number;
  recall: number;
  f1: number;
  attr: number;
  quoted?: number;
}

/** Precision, recall, F1 and attribute accuracy (1 when there is nothing to score). */
export function rates(s: KindScore): Rates {
  const precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
  const recall = s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const attr = s.tp === 0 ? 1 : s.attrOk / s.tp;
  const out: Rates = { precision, recall, f1, attr };
  if (s.quotedOk !== undefined) out.quoted = s.tp === 0 ? 1 : s.quotedOk / s.tp;
  return out;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** A prediction placed in the label fields. */
export interface Placed<T> {
  span: FieldSpan | null;
  item: T;
}

/**
 * Greedy one-to-one matching in document order: each prediction takes the
 * first unmatched gold item in the same field that `matches` it.
 */
function matchPairs<P, G extends GoldSpan>(
  predictions: Placed<P>[],
  gold: G[],
  matches: (span: FieldSpan, g: G) => boolean,
): { pairs: [P, G][]; unmatched: Placed<P>[]; missed: G[] } {
  const used = new Set<number>();
  const pairs: [P, G][] = [];
  const unmatched: Placed<P>[] = [];
  for (const p of predictions) {
    const span = p.span;
    const index = span ? gold.findIndex((g, i) => !used.has(i) && g.field === span.field && matches(span, g)) : -1;
    const g = index >= 0 ? gold[index] : undefined;
    if (g) {
      used.add(index);
      pairs.push([p.item, g]);
    } else {
      unmatched.push(p);
    }
  }
  return { pairs, unmatched, missed: gold.filter((_, i) => !used.has(i)) };
}

function canon(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A person's name for comparison: lower case, punctuation as spaces, middle initials dropped ("Donald J. Trump" = "Donald Trump"). */
export function canonicalName(name: string): string {
  const words = canon(name).split(' ');
  return words.filter((w, i) => !(w.length === 1 && i > 0 && i < words.length - 1)).join(' ');
}

/** True when a predicted speaker agrees with the gold speaker: same canonical name, or the gold string contains the name or surname. */
export function speakerAgrees(predicted: string | null, gold: string | null): boolean {
  if (predicted === null || gold === null) return predicted === gold;
  const p = canon(predicted);
  const g = canon(gold);
  if (p === '' || g === '') return false;
  if (p === g || ` ${g} `.includes(` ${p} `)) return true;
  const words = p.split(' ');
  const surname = words[words.length - 1] ?? '';
  const family = words[0] ?? '';
  return (surname.length > 2 && ` ${g} `.includes(` ${surname} `)) || (family.length > 2 && words.length > 1 && g.startsWith(`${family} `) && ` ${g} `.includes(` ${words.slice(1).join(' ')} `));
}

/** One article's scores. */
export interface ArticleScore {
  id: string;
  officials: KindScore;
  figures: KindScore;
  figuresNoRelative: KindScore;
  claims: KindScore;
  extraction: ExtractionCheck;
  dateOk: boolean;
  /** Human-readable misses and false alarms, for debugging. */
  details: { kind: string; what: 'FP' | 'FN' | 'ATTR'; text: string; note: string }[];
}

/**
 * Scores one article's annotations against its labels. `article` is the text
 * the annotations' offsets point into.
 */
export function scoreArticle(article: ArticleText, annotations: Annotations, labels: Labels): ArticleScore {
  const mapper = new FieldMapper(article, labels);
  const place = <T extends { start: number; end: number }>(items: readonly T[]): Placed<T>[] =>
    items.map((item) => ({ item, span: mapper.map(item.start, item.end) }));
  const details: ArticleScore['details'] = [];

  // Officials: overlap, same field; other people are "don't care".
  const officials = matchPairs(place(annotations.officials), labels.officials, (s, g) => overlap(s, g) > 0);
  const others = labels.other_people ?? [];
  const officialFps = officials.unmatched.filter((p) => !(p.span && others.some((o) => o.field === p.span?.field && overlap(o, p.span) > 0)));
  let nameOk = 0;
  for (const [p, g] of officials.pairs) {
    if (canonicalName(p.name) === canonicalName(g.name)) nameOk++;
    else details.push({ kind: 'official', what: 'ATTR', text: g.text, note: `name ${p.name} ≠ ${g.name}` });
  }
  for (const p of officialFps) details.push({ kind: 'official', what: 'FP', text: p.item.text, note: p.item.name });
  for (const g of officials.missed) details.push({ kind: 'official', what: 'FN', text: g.text, note: g.name });

  // Figures: overlap; kind accuracy separately.
  const placedFigures = place(annotations.figures);
  const figures = matchPairs(placedFigures, labels.figures, (s, g) => overlap(s, g) > 0);
  let kindOk = 0;
  for (const [p, g] of figures.pairs) {
    if (p.kind === g.kind) kindOk++;
    else details.push({ kind: 'figure', what: 'ATTR', text: g.text, note: `kind ${p.kind} ≠ ${g.kind}` });
  }
  for (const p of figures.unmatched) details.push({ kind: 'figure', what: 'FP', text: p.item.text, note: p.item.kind });
  for (const g of figures.missed) details.push({ kind: 'figure', what: 'FN', text: g.text, note: g.kind });

  // Figures without relative dates: drop relative gold and predictions that are relative or sit on a relative gold.
  const relativeGold = labels.figures.filter((g) => g.relative === true);
  const absoluteGold = labels.figures.filter((g) => g.relative !== true);
  const absolutePredictions = placedFigures.filter(
    (p) => !p.item.relative && !(p.span && relativeGold.some((g) => g.field === p.span?.field && overlap(g, p.span) > 0)),
  );
  const figuresAbs = matchPairs(absolutePredictions, absoluteGold, (s, g) => overlap(s, g) > 0);
  const absKindOk = figuresAbs.pairs.filter(([p, g]) => p.kind === g.kind).length;

  // Claims: overlap of at least half the gold span.
  const claims = matchPairs(place(annotations.claims), labels.claims, (s, g) => overlap(s, g) * 2 >= g.end - g.start);
  let speakerOk = 0;
  let quotedOk = 0;
  for (const [p, g] of claims.pairs) {
    if (speakerAgrees(p.speaker, g.speaker)) speakerOk++;
    else details.push({ kind: 'claim', what: 'ATTR', text: g.text.slice(0, 60), note: `speaker ${p.speaker} ≠ ${g.speaker}` });
    if (p.quoted === g.quoted) quotedOk++;
  }
  for (const p of claims.unmatched) details.push({ kind: 'claim', what: 'FP', text: p.item.text.slice(0, 80), note: String(p.item.speaker) });
  for (const g of claims.missed) details.push({ kind: 'claim', what: 'FN', text: g.text.slice(0, 80), note: String(g.speaker) });

  return {
    id: labels.id,
    officials: { tp: officials.pairs.length, fp: officialFps.length, fn: officials.missed.length, attrOk: nameOk },
    figures: { tp: figures.pairs.length, fp: figures.unmatched.length, fn: figures.missed.length, attrOk: kindOk },
    figuresNoRelative: { tp: figuresAbs.pairs.length, fp: figuresAbs.unmatched.length, fn: figuresAbs.missed.length, attrOk: absKindOk },
    claims: { tp: claims.pairs.length, fp: claims.unmatched.length, fn: claims.missed.length, attrOk: speakerOk, quotedOk },
    extraction: mapper.check,
    dateOk: labels.date === undefined || labels.date === null || annotations.date === labels.date,
    details,
  };
}

/** Sums scores over articles. */
export function addScores(a: KindScore, b: KindScore): KindScore {
  const sum: KindScore = { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn, attrOk: a.attrOk + b.attrOk };
  if (a.quotedOk !== undefined || b.quotedOk !== undefined) sum.quotedOk = (a.quotedOk ?? 0) + (b.quotedOk ?? 0);
  return sum;
}

/** The kinds a `--min-f1` threshold can name. */
export const SCORED_KINDS = ['officials', 'figures', 'figuresNoRelative', 'claims'] as const;
/** One of `SCORED_KINDS`. */
export type ScoredKind = (typeof SCORED_KINDS)[number];

/**
 * Parses `officials=0.95,figures=0.93,claims=0.85` into thresholds; throws a
 * message (for a usage error) on an unknown kind or a value outside 0..1.
 */
export function parseThresholds(spec: string): Partial<Record<ScoredKind, number>> {
  const out: Partial<Record<ScoredKind, number>> = {};
  for (const part of spec.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    const kind = SCORED_KINDS.find((k) => k === key);
    const n = Number(value);
    if (!kind || value === undefined || value === '' || !Number.isFinite(n) || n < 0 || n > 1) {
      throw new Error(`bad --min-f1 entry "${part}" (expected kind=0..1, kinds: ${SCORED_KINDS.join(', ')})`);
    }
    out[kind] = n;
  }
  return out;
}

/** The kinds whose total F1 is below its threshold, with both numbers. */
export function belowThresholds(
  totals: Record<ScoredKind, KindScore>,
  thresholds: Partial<Record<ScoredKind, number>>,
): { kind: ScoredKind; f1: number; min: number }[] {
  const failures: { kind: ScoredKind; f1: number; min: number }[] = [];
  for (const kind of SCORED_KINDS) {
    const min = thresholds[kind];
    if (min === undefined) continue;
    const f1 = rates(totals[kind]).f1;
    if (f1 + 1e-9 < min) failures.push({ kind, f1, min });
  }
  return failures;
}
