import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/engine/sentences';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  it('splits plain sentences and trims whitespace', () => {
    expect(sentences('The port reopened. Ships queued for days!  Was it worth it? Nobody knows.')).toEqual([
      'The port reopened.',
      'Ships queued for days!',
      'Was it worth it?',
      'Nobody knows.',
    ]);
  });

  it('does not split after courtesy titles, initials and months', () => {
    expect(sentences('Mr. Lopez met Dr. Aziz on Jan. 5 in Lisbon. Ms. Chen was absent.')).toEqual([
      'Mr. Lopez met Dr. Aziz on Jan. 5 in Lisbon.',
      'Ms. Chen was absent.',
    ]);
    expect(sentences('Former president George W. Bush spoke first. Then the crowd left.')).toEqual([
      'Former president George W. Bush spoke first.',
      'Then the crowd left.',
    ]);
    expect(sentences('It ranked No. 3 among exporters. Analysts were surprised.')).toHaveLength(2);
  });

  it('keeps acronyms inside a sentence but splits when a new sentence clearly starts', () => {
    expect(sentences('Imports from the U.S. Treasury auction rose. The U.N. Security Council met.')).toEqual([
      'Imports from the U.S. Treasury auction rose.',
      'The U.N. Security Council met.',
    ]);
    expect(sentences('The envoy flew back to the U.S. The talks resume in May.')).toEqual([
      'The envoy flew back to the U.S.',
      'The talks resume in May.',
    ]);
  });

  it('does not split decimals or mid-sentence ellipses', () => {
    expect(sentences('Growth slowed to 2.3 percent … and then recovered. Good news.')).toEqual([
      'Growth slowed to 2.3 percent … and then recovered.',
      'Good news.',
    ]);
    expect(sentences('He paused... Then he left.')).toEqual(['He paused...', 'Then he left.']);
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(sentences('She said, "We are ready." The vote is Monday.')).toEqual(['She said, "We are ready."', 'The vote is Monday.']);
    expect(sentences('“It is over.” He walked out.')).toEqual(['“It is over.”', 'He walked out.']);
    expect(sentences('"Are we done?" asked the clerk.')).toEqual(['"Are we done?" asked the clerk.']);
  });

  it('always ends a sentence at a line break', () => {
    expect(sentences('Headline without a stop\n\nBody starts here. More.')).toEqual(['Headline without a stop', 'Body starts here.', 'More.']);
  });

  it('treats a single line break as whitespace, as in HTML source', () => {
    expect(sentences('The vote was close,\n   and the count\n   took all night. Results follow.')).toEqual([
      'The vote was close,\n   and the count\n   took all night.',
      'Results follow.',
    ]);
  });

  it('splits only the requested range and returns offsets into the whole text', () => {
    const text = 'Skip this. Keep one. Keep two. Skip that.';
    const start = text.indexOf('Keep one');
    const end = text.indexOf(' Skip that');
    const spans = splitSentences(text, start, end);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Keep one.', 'Keep two.']);
    expect(spans[0]?.start).toBe(start);
  });

  it('is linear on long inputs without terminators', () => {
    const text = 'U.S. Mr. '.repeat(20000);
    const t0 = performance.now();
    splitSentences(text);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
