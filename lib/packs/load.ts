/**
 * Validating and loading knowledge packs. A pack is untrusted JSON (it may
 * come from a file a user picked), so it is checked in three steps: a cheap
 * structural guard (depth, cycles, size) that cannot blow the stack, the
 * valibot schema, then cross-checks that span the pack (ids, source links,
 * date order). Every error names the path of the bad value and the reason.
 */
import * as v from 'valibot';
import type { KnowledgePack } from './types';
import {
  KnowledgePackSchema,
  MAX_PACK_CHARS,
  MAX_PACK_DEPTH,
  SUPPORTED_SCHEMA_VERSION,
  dateLowerBound,
  dateUpperBound,
} from './schema';

/** One problem in a pack: where (`entities[3].roles[0].from`) and why. */
export interface PackError {
  path: string;
  message: string;
}

/** The result of `parsePack`. */
export type ParsePackResult = { ok: true; pack: KnowledgePack } | { ok: false; errors: PackError[] };

/** A pack that `loadPacks` skipped: its position in the input, its id when readable, and why. */
export interface PackLoadError {
  index: number;
  packId?: string;
  errors: PackError[];
}

/** Reports are capped so a badly broken file gives a readable list, not thousands of lines. */
const MAX_ERRORS = 50;

type PathPart = string | number;

function formatPath(parts: readonly PathPart[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** More values than any pack within the size limit can hold; stops a walk over shared references early. */
const MAX_VISITS = 2_000_000;

/**
 * Walks the value without recursion and reports nesting deeper than any
 * valid pack, a cycle, or a value too big to walk (shared references can make
 * a small object graph enormous); each would otherwise make later steps (JSON
 * size, schema) slow or crash.
 */
function checkStructure(root: unknown): PackError | null {
  type Frame = { value: unknown; depth: number; path: PathPart[]; exit: boolean };
  const stack: Frame[] = [{ value: root, depth: 1, path: [], exit: false }];
  const onPath = new Set<object>();
  let visits = 0;
  while (stack.length > 0) {
    const { value, depth, path, exit } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (exit) {
      onPath.delete(value);
      continue;
    }
    if (++visits > MAX_VISITS) return { path: '', message: 'is too large to read' };
    if (onPath.has(value)) return { path: formatPath(path), message: 'refers back to itself (a cycle); a pack must be plain JSON' };
    if (depth > MAX_PACK_DEPTH) {
      return { path: formatPath(path), message: `is nested deeper than a pack can be (at most ${MAX_PACK_DEPTH} levels)` };
    }
    onPath.add(value);
    stack.push({ value, depth, path, exit: true });
    if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push({ value: item, depth: depth + 1, path: [...path, i], exit: false }));
    } else {
      for (const [key, item] of Object.entries(value)) stack.push({ value: item, depth: depth + 1, path: [...path, key], exit: false });
    }
  }
  return null;
}

function describeVersion(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? JSON.stringify(value) : typeof value;
}

/** Turns a valibot issue into a path + plain-language reason. */
function toPackError(issue: v.BaseIssue<unknown>): PackError {
  const parts: PathPart[] = (issue.path ?? []).map((item) => {
    const key: unknown = item.key;
    return typeof key === 'number' ? key : String(key);
  });
  const path = formatPath(parts);
  if (issue.type === 'strict_object' && issue.kind === 'schema') {
    if (issue.expected === 'never') return { path, message: 'is not a field of this schema (misspelt or unsupported?)' };
    if (issue.received === 'undefined') return { path, message: 'is required' };
    return { path, message: 'must be an object' };
  }
  if (issue.kind === 'schema' && issue.received === 'undefined') return { path, message: 'is required' };
  return { path, message: issue.message };
}

/** Checks that need the whole pack: unique ids, known sources, every source used, date order. */
function crossCheck(pack: KnowledgePack): PackError[] {
  const errors: PackError[] = [];
  const uniqueIds = (items: readonly { id: string }[], listName: string): void => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const earlier = first.get(item.id);
      if (earlier === undefined) first.set(item.id, i);
      else errors.push({ path: `${listName}[${i}].id`, message: `duplicate id "${item.id}" (first used at ${listName}[${earlier}])` });
    });
  };
  uniqueIds(pack.sources, 'sources');
  uniqueIds(pack.entities, 'entities');
  uniqueIds(pack.series, 'series');

  const known = new Set(pack.sources.map((s) => s.id));
  const used = new Set<string>();
  const checkRefs = (ids: readonly string[], path: string): void => {
    ids.forEach((ref, i) => {
      used.add(ref);
      if (!known.has(ref)) errors.push({ path: `${path}.sourceIds[${i}]`, message: `unknown source "${ref}": add it to sources or fix the id` });
    });
  };
  const checkOrder = (from: string | null | undefined, to: string | null | undefined, path: string): void => {
    if (from && to && dateLowerBound(from) > dateUpperBound(to)) {
      errors.push({ path: `${path}.to`, message: `ends (${to}) before it starts (${from})` });
    }
  };

  pack.entities.forEach((entity, e) => {
    const base = `entities[${e}]`;
    checkRefs(entity.sourceIds, base);
    entity.roles.forEach((role, r) => {
      checkRefs(role.sourceIds, `${base}.roles[${r}]`);
      checkOrder(role.from, role.to, `${base}.roles[${r}]`);
    });
  });
  pack.series.forEach((series, s) => {
    const base = `series[${s}]`;
    checkRefs(series.sourceIds, base);
    const periods = new Set<string>();
    series.points.forEach((point, p) => {
      checkRefs(point.sourceIds, `${base}.points[${p}]`);
      if (periods.has(point.period)) errors.push({ path: `${base}.points[${p}].period`, message: `period ${point.period} appears twice` });
      periods.add(point.period);
    });
  });
  pack.timeline.forEach((event, t) => checkRefs(event.sourceIds, `timeline[${t}]`));
  pack.facts.forEach((fact, f) => checkRefs(fact.sourceIds, `facts[${f}]`));

  pack.sources.forEach((source, i) => {
    if (!used.has(source.id)) errors.push({ path: `sources[${i}]`, message: `source "${source.id}" is never cited; remove it` });
  });
  return errors;
}

function capped(errors: PackError[]): PackError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), { path: '', message: `… and ${errors.length - MAX_ERRORS} more problems` }];
}

/**
 * Validates untrusted JSON as a knowledge pack. Never throws: a bad pack gives
 * `{ ok: false, errors }`, each error naming the path and the reason.
 */
export function parsePack(json: unknown): ParsePackResult {
  if (!isRecord(json)) return { ok: false, errors: [{ path: '', message: 'a pack must be a JSON object' }] };

  const structural = checkStructure(json);
  if (structural) return { ok: false, errors: [structural] };

  let size: number;
  try {
    size = JSON.stringify(json).length;
  } catch {
    return { ok: false, errors: [{ path: '', message: 'is not plain JSON data' }] };
  }
  if (size > MAX_PACK_CHARS) {
    return { ok: false, errors: [{ path: '', message: `is too large (${size} characters; the limit is ${MAX_PACK_CHARS})` }] };
  }

  if (!('schemaVersion' in json)) {
    return {
      ok: false,
      errors: [{ path: 'schemaVersion', message: `is missing; this version of Gloss reads packs with "schemaVersion": ${SUPPORTED_SCHEMA_VERSION}` }],
    };
  }
  if (json.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message: `${describeVersion(json.schemaVersion)} is not supported; this version of Gloss reads schemaVersion ${SUPPORTED_SCHEMA_VERSION}`,
        },
      ],
    };
  }

  const parsed = v.safeParse(KnowledgePackSchema, json);
  if (!parsed.success) return { ok: false, errors: capped(parsed.issues.map(toPackError)) };
  const pack: KnowledgePack = parsed.output;
  const errors = crossCheck(pack);
  return errors.length > 0 ? { ok: false, errors: capped(errors) } : { ok: true, pack };
}

/**
 * Validates several packs. A bad pack (or a second pack with an id already
 * loaded) is skipped and reported; the others keep working.
 */
export function loadPacks(inputs: readonly unknown[]): { packs: KnowledgePack[]; errors: PackLoadError[] } {
  const packs: KnowledgePack[] = [];
  const errors: PackLoadError[] = [];
  const ids = new Set<string>();
  inputs.forEach((input, index) => {
    const rawId = isRecord(input) && typeof input.id === 'string' ? input.id : undefined;
    const result = parsePack(input);
    if (!result.ok) {
      errors.push(rawId === undefined ? { index, errors: result.errors } : { index, packId: rawId, errors: result.errors });
      return;
    }
    if (ids.has(result.pack.id)) {
      errors.push({ index, packId: result.pack.id, errors: [{ path: 'id', message: `a pack with id "${result.pack.id}" is already loaded` }] });
      return;
    }
    ids.add(result.pack.id);
    packs.push(result.pack);
  });
  return { packs, errors };
}

function isLoadErrorList(input: readonly PackError[] | readonly PackLoadError[]): input is readonly PackLoadError[] {
  const first = input[0];
  return first !== undefined && 'index' in first;
}

function formatErrorLines(errors: readonly PackError[], indent: string): string[] {
  return errors.map((e) => `${indent}- ${e.path === '' ? '(pack)' : e.path}: ${e.message}`);
}

/**
 * Readable text for pack errors, one problem per line, for the options page,
 * the CLI and test failures. Accepts `parsePack` errors or `loadPacks` errors.
 */
export function formatPackErrors(input: readonly PackError[] | readonly PackLoadError[]): string {
  if (input.length === 0) return 'No problems.';
  if (!isLoadErrorList(input)) return formatErrorLines(input, '').join('\n');
  return input
    .map((failure) => {
      const label = failure.packId === undefined ? `Pack #${failure.index + 1}` : `Pack "${failure.packId}" (#${failure.index + 1})`;
      return [`${label} was not loaded:`, ...formatErrorLines(failure.errors, '  ')].join('\n');
    })
    .join('\n');
}
