/**
 * `npm run --silent annotate -- [--json] [--date YYYY-MM-DD] FILE.html`
 *
 * Runs Gloss's engine on a saved page, exactly as the content script does on a
 * live one (extract the article, then annotate it with the bundled packs), and
 * prints the officials, figures and claims found, as a table or as one JSON
 * object. Exit codes: 0 ok, 1 unreadable/non-HTML file or no article, 2 usage.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../lib/dom/extract';
import type { ArticleDom } from '../lib/dom/types';
import { annotate } from '../lib/engine/annotate';
import { parseHtmlDocument, looksLikeHtml } from '../lib/node/parse-html';
import { bundledPacks } from '../lib/packs/bundled';
import type { KnowledgePack } from '../lib/packs/types';
import type { Annotations, ArticleText, FigureCheck, Role } from '../lib/types';

/** What the pipeline produced for one page. */
export interface PipelineResult {
  dom: ArticleDom;
  article: ArticleText;
  annotations: Annotations;
}

/** Options of the pipeline. */
export interface PipelineOptions {
  /** Overrides the page's publication date (`YYYY-MM-DD`). */
  date?: string | null;
  url?: string | null;
  packs?: readonly KnowledgePack[];
}

/**
 * Parses the HTML, extracts the article and annotates it; null when the page
 * has no article. Shared by this CLI, the evaluation and the tests.
 */
export function annotateHtml(html: string, options: PipelineOptions = {}): PipelineResult | null {
  const dom = extractArticle(parseHtmlDocument(html), options.url ?? null);
  if (!dom) return null;
  const article: ArticleText = options.date ? { ...dom.article, date: options.date } : dom.article;
  const annotations = annotate(article, options.packs ?? bundledPacks);
  return { dom: { ...dom, article }, article, annotations };
}

/** The role as one string: title, then organisation. */
export function roleLabel(role: Role | null): string | null {
  if (!role) return null;
  return role.org ? `${role.title}, ${role.org}` : role.title;
}

/** The CLI's JSON shape: offsets are into the article text, whose blocks are listed with their text. */
export interface CliJson {
  date: string | null;
  title: string | null;
  blocks: { kind: string; start: number; end: number; text: string }[];
  officials: { text: string; name: string; role: string | null; start: number; end: number }[];
  figures: {
    text: string;
    kind: string;
    value: number | string | null;
    unit: string | null;
    start: number;
    end: number;
    check?: FigureCheck;
  }[];
  claims: { text: string; speaker: string | null; quoted: boolean; start: number; end: number }[];
  topics: string[];
}

/** Builds the JSON object printed by `--json`. */
export function toCliJson(result: PipelineResult): CliJson {
  const { article, annotations } = result;
  return {
    date: annotations.date,
    title: article.title,
    blocks: article.blocks.map((b) => ({ kind: b.kind, start: b.start, end: b.end, text: article.text.slice(b.start, b.end) })),
    officials: annotations.officials.map((o) => ({ text: o.text, name: o.name, role: roleLabel(o.role), start: o.start, end: o.end })),
    figures: annotations.figures.map((f) => ({
      text: f.text,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      start: f.start,
      end: f.end,
      ...(f.check ? { check: f.check } : {}),
    })),
    claims: annotations.claims.map((c) => ({ text: c.text, speaker: c.speaker, quoted: c.quoted, start: c.start, end: c.end })),
    topics: annotations.topics,
  };
}

function oneLine(s: string, max = 90): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The readable report printed without `--json`. */
export function toTable(json: CliJson): string {
  const lines: string[] = [];
  lines.push(`Title:  ${json.title ?? '(none)'}`, `Date:   ${json.date ?? '(unknown)'}`);
  if (json.topics.length > 0) lines.push(`Topics: ${json.topics.join(', ')}`);
  lines.push('', `OFFICIALS (${json.officials.length})`);
  for (const o of json.officials) lines.push(`  ${String(o.start).padStart(6)}  ${o.text.padEnd(22)} ${o.name}${o.role ? ` (${o.role})` : ''}`);
  lines.push('', `FIGURES (${json.figures.length})`);
  for (const f of json.figures) {
    const check = f.check ? `  [${f.check.verdict}: ${f.check.note}]` : '';
    lines.push(`  ${String(f.start).padStart(6)}  ${f.text.padEnd(22)} ${f.kind}${f.value !== null ? ` = ${f.value}` : ''}${f.unit ? ` ${f.unit}` : ''}${check}`);
  }
  lines.push('', `CLAIMS (${json.claims.length})`);
  for (const c of json.claims) {
    lines.push(`  ${String(c.start).padStart(6)}  ${c.speaker ?? '(unknown)'} ${c.quoted ? 'said' : 'reportedly'}: ${c.quoted ? '"' : ''}${oneLine(c.text)}${c.quoted ? '"' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

const USAGE = 'usage: npm run --silent annotate -- [--json] [--date YYYY-MM-DD] FILE.html';

/** Where the CLI writes. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): { json: boolean; date: string | null; file: string } {
  let json = false;
  let date: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--date') {
      const value = argv[++i];
      if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError('--date needs a date as YYYY-MM-DD');
      date = value;
    } else if (arg.startsWith('--date=')) {
      const value = arg.slice('--date='.length);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError('--date needs a date as YYYY-MM-DD');
      date = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'no file given' : 'give exactly one file');
  return { json, date, file: files[0] ?? '' };
}

function readError(file: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `cannot read ${file}: no such file`;
  if (code === 'EISDIR') return `cannot read ${file}: it is a directory`;
  if (code === 'EACCES') return `cannot read ${file}: permission denied`;
  return `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Runs the CLI; returns the exit code. Never throws: errors become a message on `err`. */
export function main(argv: readonly string[], io: CliIo): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`gloss annotate: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  let html: string;
  try {
    html = readFileSync(args.file, 'utf8');
  } catch (error) {
    io.err(`gloss annotate: ${readError(args.file, error)}\n`);
    return 1;
  }
  if (!looksLikeHtml(html)) {
    io.err(`gloss annotate: ${args.file} is not an HTML page\n`);
    return 1;
  }
  let result: PipelineResult | null;
  try {
    result = annotateHtml(html, { date: args.date });
  } catch (error) {
    io.err(`gloss annotate: failed on ${args.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  if (!result) {
    io.err(`gloss annotate: no article found in ${args.file}\n`);
    return 1;
  }
  const json = toCliJson(result);
  io.out(args.json ? `${JSON.stringify(json, null, 2)}\n` : toTable(json));
  return 0;
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(resolve(entry))).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
  });
}
