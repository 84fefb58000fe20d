/**
 * `npx tsx scripts/check-labels.ts [--fill] FILE_OR_DIR…`
 *
 * Checks labelled articles (`*.labels.json`, schema in the fixtures README):
 * every span's `start`/`end` are Python code-point offsets into its field with
 * `field[start:end] === text`, spans of one list are in document order, kinds
 * and required keys are present, and the page named by `html` shows the title,
 * the dek and every body line. Exits 1 on any problem.
 *
 * With `--fill`, entries that have no offsets yet get them from code, not by
 * hand: each takes the next occurrence of its `text` in its field after the
 * previous entry of the same list (or inside the next occurrence of its
 * optional `anchor` phrase, which is then removed), and the file is rewritten.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Field = 'title' | 'dek' | 'body';
const FIELDS: readonly Field[] = ['title', 'dek', 'body'];
const LISTS = ['officials', 'figures', 'claims', 'other_people'] as const;
const FIGURE_KINDS = new Set(['money', 'percent', 'year', 'date', 'duration', 'count', 'other']);

interface Entry {
  text: string;
  field: Field;
  start?: number;
  end?: number;
  anchor?: string;
  [key: string]: unknown;
}

/** The parts of a labels file the checker reads. */
export interface LabelsFile {
  id: string;
  html: string;
  title: string;
  dek: string | null;
  body: string;
  officials: Entry[];
  figures: Entry[];
  claims: Entry[];
  other_people?: Entry[];
  [key: string]: unknown;
}

/** The field as code points, so offsets match Python's. */
function codePoints(s: string): string[] {
  return Array.from(s);
}

/** Index (in code points) of `needle` in `hay` at or after `from`, or -1. */
function indexOfCp(hay: readonly string[], needle: readonly string[], from: number): number {
  outer: for (let i = Math.max(0, from); i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function fieldText(labels: LabelsFile, field: Field): string {
  return field === 'dek' ? labels.dek ?? '' : labels[field];
}

/** Fills missing offsets in place; returns problems (text or anchor not found). */
function fill(labels: LabelsFile): string[] {
  const problems: string[] = [];
  for (const list of LISTS) {
    const cursor: Record<Field, number> = { title: 0, dek: 0, body: 0 };
    for (const e of labels[list] ?? []) {
      const hay = codePoints(fieldText(labels, e.field));
      if (e.start !== undefined && e.end !== undefined) {
        cursor[e.field] = e.end;
        continue;
      }
      let from = cursor[e.field];
      if (e.anchor !== undefined) {
        const at = indexOfCp(hay, codePoints(e.anchor), from);
        if (at < 0) {
          problems.push(`${list}: anchor ${JSON.stringify(e.anchor)} not found after ${from} in ${e.field}`);
          continue;
        }
        from = at;
      }
      const at = indexOfCp(hay, codePoints(e.text), from);
      if (at < 0) {
        problems.push(`${list}: ${JSON.stringify(e.text)} not found after ${from} in ${e.field}`);
        continue;
      }
      e.start = at;
      e.end = at + codePoints(e.text).length;
      delete e.anchor;
      cursor[e.field] = e.end;
    }
  }
  return problems;
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every problem with one labels file (empty when it is valid). */
export function checkLabels(labels: LabelsFile, html: string | null): string[] {
  const problems: string[] = [];
  for (const key of ['id', 'html', 'title', 'body'] as const) {
    if (typeof labels[key] !== 'string' || labels[key] === '') problems.push(`missing ${key}`);
  }
  for (const list of LISTS) {
    const entries = labels[list];
    if (entries === undefined && list === 'other_people') continue;
    if (!Array.isArray(entries)) {
      problems.push(`missing list ${list}`);
      continue;
    }
    let prev: { field: number; start: number } = { field: -1, start: -1 };
    entries.forEach((e, i) => {
      const where = `${list}[${i}] ${JSON.stringify(e.text)}`;
      if (!FIELDS.includes(e.field)) return problems.push(`${where}: bad field ${String(e.field)}`);
      if (typeof e.start !== 'number' || typeof e.end !== 'number') return problems.push(`${where}: no offsets`);
      if (e.anchor !== undefined) problems.push(`${where}: leftover anchor`);
      const cps = codePoints(fieldText(labels, e.field));
      const got = cps.slice(e.start, e.end).join('');
      if (got !== e.text) problems.push(`${where}: ${e.field}[${e.start}:${e.end}] is ${JSON.stringify(got)}`);
      const order = { field: FIELDS.indexOf(e.field), start: e.start };
      if (order.field < prev.field || (order.field === prev.field && order.start < prev.start)) problems.push(`${where}: out of document order`);
      prev = order;
      if (list === 'officials' || list === 'other_people') {
        if (typeof e['name'] !== 'string' || e['name'] === '') problems.push(`${where}: no name`);
      }
      if (list === 'figures' && !FIGURE_KINDS.has(String(e['kind']))) problems.push(`${where}: bad kind ${String(e['kind'])}`);
      if (list === 'claims') {
        if (typeof e['quoted'] !== 'boolean') problems.push(`${where}: quoted must be a boolean`);
        if (!(typeof e['speaker'] === 'string' || e['speaker'] === null)) problems.push(`${where}: speaker must be a string or null`);
      }
    });
  }
  if (html !== null) {
    const lines = [labels.title, labels.dek ?? '', ...labels.body.split('\n')].map((l) => l.trim()).filter((l) => l !== '');
    for (const line of lines) if (!html.includes(escapeHtml(line))) problems.push(`html lacks ${JSON.stringify(line.slice(0, 60))}`);
  }
  return problems;
}

/** The labels files named by `paths` (files, or directories searched one level deep). */
export function labelFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => f.endsWith('.labels.json'))
          .sort()
          .map((f) => join(p, f))
      : [p],
  );
}

function main(argv: readonly string[]): number {
  const doFill = argv.includes('--fill');
  const paths = argv.filter((a) => a !== '--fill');
  if (paths.length === 0) {
    process.stderr.write('usage: npx tsx scripts/check-labels.ts [--fill] FILE_OR_DIR…\n');
    return 2;
  }
  let bad = 0;
  for (const file of labelFiles(paths)) {
    const labels = JSON.parse(readFileSync(file, 'utf8')) as LabelsFile;
    const problems: string[] = [];
    if (doFill) {
      problems.push(...fill(labels));
      writeFileSync(file, `${JSON.stringify(labels, null, 2)}\n`);
    }
    const htmlPath = resolve(dirname(file), labels.html);
    let html: string | null = null;
    try {
      html = readFileSync(htmlPath, 'utf8');
    } catch {
      problems.push(`cannot read ${labels.html}`);
    }
    problems.push(...checkLabels(labels, html));
    const counts = LISTS.map((l) => `${(labels[l] ?? []).length} ${l}`).join(', ');
    process.stdout.write(`${problems.length === 0 ? 'ok ' : 'BAD'} ${file} (${counts})\n`);
    for (const p of problems) process.stdout.write(`    ${p}\n`);
    if (problems.length > 0) bad++;
  }
  return bad > 0 ? 1 : 0;
}

// Run as a script, not when a test imports `checkLabels`.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main(process.argv.slice(2));
