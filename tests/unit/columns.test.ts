/**
 * Columns must give back exactly the objects they were made from, through
 * JSON as the port sends them: every shape and key order, numbers of any
 * size, values shared rather than copied.
 */
import { describe, expect, it } from 'vitest';
import { ColumnList, encodeColumns, type ColumnsWire } from '../../lib/remote/columns';

const viaJson = (wire: ColumnsWire): ColumnsWire => JSON.parse(JSON.stringify(wire)) as ColumnsWire;

describe('columns', () => {
  const shared = { title: 'Trade Minister', sourceIds: ['a'] };
  const items: Record<string, unknown>[] = [
    { start: 0, end: 4, name: 'Mara Lind', role: shared, via: 'pack-name' },
    { start: 10, end: 14, name: 'Mara Lind', role: shared, via: 'short-form', standardSpelling: 'Mara Lind' },
    { end: 30, start: 20, name: 'Tomas Berg', role: null, via: 'title-pattern' },
    { start: 40, end: 48, value: 28_000_000_000, ratio: 0.25, unit: 'USD', relative: false, period: { start: '2016-01-01', end: '2016-12-31', label: '2016' } },
    { start: 50, end: 52, value: null, missing: undefined, period: { start: '2016-01-01', end: '2016-12-31', label: '2016' } },
  ];

  it('gives back every object exactly, keys in their order, through JSON', () => {
    const list = new ColumnList<Record<string, unknown>>();
    list.add(viaJson(encodeColumns(items)));
    expect(list.length).toBe(items.length);
    for (let i = 0; i < items.length; i++) {
      // JSON leaves out a key that holds undefined; so do columns.
      expect(JSON.stringify(list.get(i))).toBe(JSON.stringify(items[i]));
    }
    expect(list.get(items.length)).toBeUndefined();
    expect(list.get(-1)).toBeUndefined();
  });

  it('sends each distinct value once, and shares it among the objects that hold it', () => {
    const wire = encodeColumns(items);
    expect(wire.values.filter((v) => v === 'Mara Lind')).toHaveLength(1);
    expect(wire.values.filter((v) => JSON.stringify(v) === JSON.stringify(items[3]!.period))).toHaveLength(1);
    const list = new ColumnList<Record<string, unknown>>();
    list.add(viaJson(wire));
    expect(list.get(0)!.role).toBe(list.get(1)!.role);
    expect(list.get(3)!.period).toBe(list.get(4)!.period);
  });

  it('keeps runs of equal neighbours, constants and look-alike objects apart where they differ', () => {
    const period = (label: string): object => ({ start: `${label}-01-01`, end: `${label}-12-31`, label });
    const run: Record<string, unknown>[] = [
      { flag: true, tag: 'a', period: period('2016'), note: null },
      { flag: true, tag: 'a', period: period('2016'), note: 'x' },
      { flag: false, tag: 'a', period: period('2017'), note: null },
      { flag: 'true', tag: 'b', period: period('2016'), note: 'null' },
      { flag: false, tag: 'b', note: null },
      { flag: true, tag: 'a', period: period('2017'), note: false },
    ];
    const wire = encodeColumns(run);
    // Each distinct value once, however its neighbours ran: true, 'a', the 2016 period, null, 'x', false, the 2017 period, 'true', 'b', 'null'.
    expect(wire.values).toHaveLength(10);
    const list = new ColumnList<Record<string, unknown>>();
    list.add(viaJson(wire));
    expect(list.toArray().map((o) => JSON.stringify(o))).toEqual(run.map((o) => JSON.stringify(o)));
  });

  it('keeps indices right in a part with more distinct values than two bytes can number', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => ({ start: i, name: `person ${i}` }));
    const list = new ColumnList<Record<string, unknown>>();
    list.add(viaJson(encodeColumns(many)));
    for (const i of [0, 32_767, 32_768, 39_999]) expect(list.get(i)).toEqual(many[i]);
  });

  it('reads numbers without making objects, across parts', () => {
    const list = new ColumnList<Record<string, unknown>>();
    list.add(viaJson(encodeColumns(items.slice(0, 2))));
    list.add(viaJson(encodeColumns(items.slice(2))));
    expect(Array.from(list.numbers('start'))).toEqual([0, 10, 20, 40, 50]);
    expect(list.number('end', 3)).toBe(48);
    expect(list.number('value', 3)).toBeNaN(); // value holds a null elsewhere in its part: not a numeric column
    expect(list.number('ratio', 3)).toBe(0.25);
    const seen: [number, unknown][] = [];
    list.forEachValue('via', (i, v) => seen.push([i, v]));
    expect(seen).toEqual([[0, 'pack-name'], [1, 'short-form'], [2, 'title-pattern']]);
    expect(list.value('unit', 3)).toBe('USD');
    expect(list.value('unit', 0)).toBeUndefined();
  });

  it('leaves out what `omit` says, and `derive` puts it back', () => {
    const text = 'Mara Lind met Tomas Berg.';
    const withText = [{ text: 'Mara Lind', start: 0, end: 9 }, { text: 'someone', start: 14, end: 24 }];
    const wire = encodeColumns(withText, (item, key) => key === 'text' && item.text === text.slice(item.start, item.end));
    expect(wire.shapes).toEqual([['start', 'end'], ['text', 'start', 'end']]);
    const list = new ColumnList<Record<string, unknown>>((item) => {
      if (!('text' in item)) item.text = text.slice(item.start as number, item.end as number);
    });
    list.add(viaJson(wire));
    expect(list.toArray()).toEqual(withText);
  });
});
