import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliJson } from '../../scripts/annotate';

const ROOT = join(__dirname, '..', '..');
const SEED = join(ROOT, 'samples', 'seed-korus-2017.html');
const PAGES = join(ROOT, 'tests', 'pages');

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/** Checks every span's text against the block that holds it, the way a consumer maps offsets. */
function expectSpansInBlocks(json: CliJson): void {
  const spans = [...json.officials, ...json.figures, ...json.claims];
  expect(spans.length).toBeGreaterThan(0);
  for (const span of spans) {
    const block = json.blocks.find((b) => b.start <= span.start && span.end <= b.end);
    expect(block, span.text).toBeDefined();
    if (block) expect(block.text.slice(span.start - block.start, span.end - block.start)).toBe(span.text);
  }
}

describe('annotate CLI (in process)', () => {
  it('prints one JSON object for the seed sample, dated 2017-08-23', () => {
    const { code, out, err } = run('--json', SEED);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as CliJson;
    expect(json.date).toBe('2017-08-23');
    expect(json.title).toBe('US, S. Korea Begin Kicking Tires On Trade Deal Retooling');
    expect(json.blocks[0]?.kind).toBe('title');
    expect(json.officials.some((o) => o.name === 'Kim Hyun-chong' && typeof o.role === 'string')).toBe(true);
    expect(json.figures.some((f) => f.text === '$28 billion' && f.kind === 'money')).toBe(true);
    expect(json.claims.some((c) => c.quoted && c.speaker === 'Kim Hyun-chong')).toBe(true);
    for (const o of json.officials) expect(Object.keys(o).sort()).toEqual(['end', 'name', 'role', 'start', 'text']);
    for (const c of json.claims) expect(Object.keys(c).sort()).toEqual(['end', 'quoted', 'speaker', 'start', 'text']);
    expectSpansInBlocks(json);
  });

  it('prints a readable table without --json', () => {
    const { code, out } = run(SEED);
    expect(code).toBe(0);
    expect(out).toMatch(/^Title: {2}US, S\. Korea/);
    expect(out).toMatch(/OFFICIALS \(\d+\)/);
    expect(out).toMatch(/FIGURES \(\d+\)/);
    expect(out).toMatch(/CLAIMS \(\d+\)/);
  });

  it('lets --date override the page date', () => {
    const json = JSON.parse(run('--json', '--date', '2018-01-05', SEED).out) as CliJson;
    expect(json.date).toBe('2018-01-05');
  });

  it('fails cleanly on a missing file, a non-HTML file and a page with no article', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-cli-'));
    const notHtml = join(dir, 'notes.txt');
    writeFileSync(notHtml, 'Just some notes, 5 of them, no markup at all.\n');
    const binary = join(dir, 'image.html');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));

    const missing = run('--json', join(dir, 'nope.html'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*nope\.html: no such file/);
    expect(missing.out).toBe('');

    expect(run(notHtml).code).toBe(1);
    expect(run(notHtml).err).toMatch(/is not an HTML page/);
    expect(run(binary).err).toMatch(/is not an HTML page/);
    expect(run(dir).err).toMatch(/is a directory/);

    const empty = run('--json', join(PAGES, 'no-article.html'));
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/no article found/);
  });

  it('exits 2 on usage errors', () => {
    expect(run().code).toBe(2);
    expect(run('--frobnicate', SEED).code).toBe(2);
    expect(run('--date', 'yesterday', SEED).code).toBe(2);
    expect(run(SEED, SEED).err).toMatch(/usage:/);
  });
});

describe('annotate CLI (child process)', () => {
  const tsx = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'annotate.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

  it('prints valid JSON for the seed and exits 0', () => {
    const child = tsx('--json', SEED);
    expect(child.status).toBe(0);
    expect((JSON.parse(child.stdout) as CliJson).date).toBe('2017-08-23');
  }, 60_000);

  it('reports a non-HTML file with exit code 1 and no stack trace', () => {
    const child = tsx('--json', join(ROOT, 'package.json'));
    expect(child.status).toBe(1);
    expect(child.stderr).toMatch(/^gloss annotate: .*package\.json is not an HTML page\n$/);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
