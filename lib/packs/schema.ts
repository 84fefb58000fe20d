/**
 * The valibot schema of a knowledge pack (schema version 1). It checks the
 * shape of each field and gives every failure a readable reason; checks that
 * span the whole pack (source ids exist, ids unique) live in `load.ts`.
 *
 * Objects are strict: an unknown field is an error, so a typo such as
 * `misspelling` for `misspellings` is reported instead of silently dropped.
 * Object-level issues (unknown or missing field, not an object) get their
 * wording in `load.ts`, which knows the field name.
 */
import * as v from 'valibot';

/** The only schema version this build of Gloss reads. */
export const SUPPORTED_SCHEMA_VERSION = 1;

/** Largest pack accepted, measured as serialized JSON (UTF-16 code units ≈ bytes for ASCII). */
export const MAX_PACK_CHARS = 5 * 1024 * 1024;

/** Deepest object/array nesting a valid pack can have (pack → entities → entity → roles → role → sourceIds). */
export const MAX_PACK_DEPTH = 6;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar day
 * (so `2017-02-30` and `2017-13` are refused).
 */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** True for an absolute `http:` or `https:` URL; anything else (javascript:, data:, relative) is refused. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

const text = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const id = v.pipe(
  v.string('must be text'),
  v.maxLength(80, 'must be at most 80 characters'),
  v.regex(ID, 'must be a lowercase id (letters, digits, ".", "_", "-")'),
);

const partialDate = v.pipe(
  v.string('must be a date string'),
  v.check(isPartialDate, 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'),
);

const fullDate = v.pipe(
  v.string('must be a date string'),
  v.regex(FULL_DATE, 'must be written YYYY-MM-DD'),
  v.check(isPartialDate, 'must be a real calendar date'),
);

const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `must have at most ${max} items`));

const sourceIds = list(id, 50);

/** A source: publisher, title, web link and when it was read. */
export const SourceSchema = v.strictObject(
  {
    id,
    publisher: text(300),
    title: text(500),
    url: v.pipe(text(2000), v.check(isWebUrl, 'must be an http: or https: URL')),
    accessed: fullDate,
    published: v.optional(v.nullable(partialDate)),
  },
);

/** A dated role (`from`/`to` null when the reference could not verify them). */
export const RoleSchema = v.strictObject(
  {
    title: text(300),
    org: v.optional(text(300)),
    country: v.optional(text(60)),
    from: v.optional(v.nullable(partialDate)),
    to: v.optional(v.nullable(partialDate)),
    sourceIds,
  },
);

/** A person or organisation the pack knows. */
export const EntitySchema = v.strictObject(
  {
    id,
    kind: v.picklist(['person', 'organisation'], 'must be "person" or "organisation"'),
    name: text(200),
    aliases: list(text(200), 50),
    misspellings: list(text(200), 50),
    nativeName: v.nullable(text(200)),
    roles: list(RoleSchema, 50),
    summary: text(600),
    sourceIds,
  },
);

const finiteNumber = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));

/** One value of a series. */
export const SeriesPointSchema = v.strictObject(
  {
    period: v.pipe(v.string('must be text'), v.regex(/^\d{4}$/, 'must be a year, YYYY')),
    value: finiteNumber,
    sourceIds,
    note: v.optional(text(600)),
    approximate: v.optional(v.boolean('must be true or false')),
  },
);

/** A statistical series article figures can be checked against. */
export const SeriesSchema = v.strictObject(
  {
    id,
    label: text(200),
    basis: text(200),
    unit: v.literal('USD', 'must be "USD"'),
    points: list(SeriesPointSchema, 500),
    match: v.strictObject(
      {
        measureTerms: list(text(100), 50),
        partnerTerms: list(text(100), 50),
        primary: v.boolean('must be true or false'),
      },
    ),
    sourceIds,
  },
);

/** A dated event on the topic's timeline. */
export const TimelineEventSchema = v.strictObject(
  {
    date: partialDate,
    event: text(600),
    key: v.boolean('must be true or false'),
    sourceIds,
  },
);

/** A sourced fact. */
export const FactSchema = v.strictObject(
  {
    text: text(1000),
    tags: list(text(60), 20),
    sourceIds,
  },
);

/** The whole pack, schema version 1. */
export const KnowledgePackSchema = v.strictObject(
  {
    schemaVersion: v.literal(SUPPORTED_SCHEMA_VERSION, `must be ${SUPPORTED_SCHEMA_VERSION}`),
    id,
    name: text(200),
    version: text(40),
    description: text(1000),
    topicTerms: list(text(100), 100),
    sources: list(SourceSchema, 1000),
    entities: list(EntitySchema, 2000),
    series: list(SeriesSchema, 200),
    timeline: list(TimelineEventSchema, 1000),
    facts: list(FactSchema, 2000),
  },
);

export { dateLowerBound, dateUpperBound } from './partial-dates';
