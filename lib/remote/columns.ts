/**
 * Lists of annotations as columns: how the background sends them and how
 * the page keeps them.
 *
 * Why: as objects, the 57,000 annotations of a very long article were 7.9 MB
 * of messages (mostly key names and the same strings again and again) and
 * 10.4 MB of the page's heap, against 2.9 MB of article text. As columns,
 * each key is sent once per part, numbers travel as plain arrays and are kept
 * in typed arrays, and every other value (a name, a role, a period, a
 * check-worthiness record) is sent and kept once per part in a table of
 * distinct values. An annotation object is made only when something asks for
 * it: a card, the popup, an export.
 *
 * Objects keep their keys in their order (objects of different shapes are
 * told apart by a shape table), so a rebuilt object serialises exactly like
 * the original.
 */

/** One column as sent: plain numbers, or indices into the part's `values` (-1: the object has no such key). */
export type WireColumn = { n: number[] } | { v: number[] };

/** A list of objects as columns (one part's worth). */
export interface ColumnsWire {
  /** Each distinct key order, once. */
  shapes: string[][];
  /** The shape of each object, by index into `shapes`. */
  shapeOf: number[];
  /** One column per key. */
  cols: Record<string, WireColumn>;
  /** The distinct non-numeric values, referenced by `v` columns. */
  values: unknown[];
}

/**
 * Encodes `items` (objects whose values are JSON) as columns. `omit(item,
 * key)` leaves a field out (the protocol leaves out a text the page can
 * derive); a field holding undefined is left out, as JSON would.
 */
export function encodeColumns<T extends object>(items: readonly T[], omit: (item: T, key: string) => boolean = () => false): ColumnsWire {
  const shapes: string[][] = [];
  const shapeIndex = new Map<string, number>();
  /** Per shape, the column array of each of its keys (found once per shape, not once per item). */
  const shapeColumns: unknown[][][] = [];
  const shapeOf: number[] = [];
  const raw = new Map<string, unknown[]>();
  const keys: string[] = [];
  let last = -1;
  items.forEach((item, i) => {
    const record = item as Record<string, unknown>;
    keys.length = 0;
    for (const key in record) {
      if (Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined && !omit(item, key)) keys.push(key);
    }
    // Objects from one detector nearly always share the previous one's shape: compare before hashing.
    let s = last >= 0 && sameKeys(shapes[last]!, keys) ? last : -1;
    if (s < 0) {
      const signature = keys.join('\u0000');
      s = shapeIndex.get(signature) ?? -1;
      if (s < 0) {
        s = shapes.length;
        shapes.push([...keys]);
        shapeIndex.set(signature, s);
        shapeColumns.push(
          keys.map((key) => {
            let column = raw.get(key);
            if (!column) raw.set(key, (column = new Array<unknown>(items.length).fill(undefined)));
            return column;
          }),
        );
      }
    }
    last = s;
    shapeOf.push(s);
    const shapeKeys = shapes[s]!;
    const columns = shapeColumns[s]!;
    for (let k = 0; k < shapeKeys.length; k++) columns[k]![i] = record[shapeKeys[k]!];
  });
  const table = new ValueTable();
  const cols: Record<string, WireColumn> = {};
  for (const [key, column] of raw) {
    const numeric = column.every((v) => v === undefined || (typeof v === 'number' && Number.isFinite(v)));
    cols[key] = numeric ? { n: column.map((v) => (v === undefined ? 0 : (v as number))) } : { v: table.indicesOf(column) };
  }
  return { shapes, shapeOf, cols, values: table.values };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The distinct values of one part, each once: strings by value, objects by identity and then by content. */
class ValueTable {
  readonly values: unknown[] = [];
  private readonly strings = new Map<string, number>();
  private readonly objects = new Map<object, number>();
  private readonly json = new Map<string, number>();
  /** The indices of null, true and false, once seen (-1 before). */
  private readonly constants = [-1, -1, -1];

  /**
   * The index of each value of one column (-1 for undefined). Neighbours
   * often hold the same value (a list's kind, its pack, a role shared by a
   * run of mentions): those skip the look-up.
   */
  indicesOf(column: readonly unknown[]): number[] {
    const out = new Array<number>(column.length);
    let previous: unknown = undefined;
    let previousAt = -1;
    for (let i = 0; i < column.length; i++) {
      const v = column[i];
      if (v !== previous || previousAt < 0) {
        previous = v;
        previousAt = v === undefined ? -1 : this.indexOf(v);
      }
      out[i] = v === undefined ? -1 : previousAt;
    }
    return out;
  }

  indexOf(value: unknown): number {
    if (typeof value === 'string') {
      let at = this.strings.get(value);
      if (at === undefined) this.strings.set(value, (at = this.push(value)));
      return at;
    }
    const isObject = typeof value === 'object' && value !== null;
    // The engine shares one object among many annotations (a role): look it up by identity first.
    if (isObject) {
      const known = this.objects.get(value);
      if (known !== undefined) return known;
    }
    if (typeof value === 'boolean' || value === null) {
      const slot = value === null ? 0 : value ? 1 : 2;
      let at = this.constants[slot]!;
      if (at < 0) this.constants[slot] = at = this.push(value);
      return at;
    }
    const key = JSON.stringify(value);
    let at = this.json.get(key);
    if (at === undefined) {
      this.json.set(key, (at = this.push(value)));
      // Only a value's first object is remembered by identity: a later object equal in content is
      // usually made afresh for one annotation (an official's role) and will not come again. Values
      // the engine shares (periods, check-worthiness verdicts) are found by identity above.
      if (isObject) this.objects.set(value, at);
    }
    return at;
  }

  private push(value: unknown): number {
    this.values.push(value);
    return this.values.length - 1;
  }
}

/** A decoded column: numbers in a typed array, or indices into the chunk's values. */
interface Column {
  numbers: Float64Array | Int32Array | null;
  /** Two bytes an index while a part has fewer than 32,768 distinct values (always, at `PART_SIZE` items). */
  indices: Int16Array | Int32Array | null;
}

/** One decoded part. */
interface Chunk {
  first: number;
  length: number;
  shapes: string[][];
  shapeOf: Uint16Array | Uint32Array;
  cols: Map<string, Column>;
  values: unknown[];
}

/** Thrown when a part does not decode (a malformed message). */
export class ColumnsError extends Error {
  override name = 'ColumnsError';
}

/** A numeric column as 32-bit integers when every value is one, else as doubles; throws on a non-number. */
function decodeNumbers(list: readonly unknown[], key: string): Int32Array | Float64Array {
  let integral = true;
  for (let i = 0; i < list.length; i++) {
    const v = list[i];
    if (typeof v !== 'number') throw new ColumnsError(`Gloss: column ${key} is not numeric`);
    if (integral && (!Number.isInteger(v) || v < -2147483648 || v > 2147483647)) integral = false;
  }
  const out = integral ? new Int32Array(list.length) : new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i] as number;
  return out;
}

/** An index column, two bytes an index where the part's values allow; throws on an index outside them. */
function decodeIndices(list: readonly unknown[], valueCount: number, key: string): Int16Array | Int32Array {
  const out = valueCount <= 0x7fff ? new Int16Array(list.length) : new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const x = list[i];
    if (!Number.isInteger(x) || (x as number) < -1 || (x as number) >= valueCount) throw new ColumnsError(`Gloss: column ${key} points outside its values`);
    out[i] = x as number;
  }
  return out;
}

/**
 * A list of annotations kept as columns, part by part, in arrival order.
 * `get(i)` makes the object; `number(key, i)` reads a numeric field without
 * making it. `derive` adds what the wire left out (the text between the
 * offsets), so rebuilt objects equal the originals.
 */
export class ColumnList<T extends object> {
  private readonly chunks: Chunk[] = [];
  length = 0;

  constructor(private readonly derive: (item: Record<string, unknown>) => void = () => undefined) {}

  /** Adds one part; throws `ColumnsError` when it is malformed (nothing of it is kept then). */
  add(wire: ColumnsWire): void {
    const { shapes, shapeOf, cols, values } = wire;
    if (!Array.isArray(shapes) || !Array.isArray(shapeOf) || !Array.isArray(values) || typeof cols !== 'object' || cols === null) {
      throw new ColumnsError('Gloss: a part of annotations is malformed');
    }
    const length = shapeOf.length;
    // Indexed loops that check and copy in one pass: a `for…of` over a freshly parsed array runs
    // unoptimised and allocates a result object per element, and `new Int32Array(array)` copies the
    // array once more on the way; on a very long article that was 15 MB of garbage for 2 MB kept.
    const shapeArray = shapes.length <= 0xffff ? new Uint16Array(length) : new Uint32Array(length);
    for (let i = 0; i < length; i++) {
      const s = shapeOf[i] as unknown;
      if (!Number.isInteger(s) || !shapes[s as number]) throw new ColumnsError('Gloss: a part names a shape it does not carry');
      shapeArray[i] = s as number;
    }
    for (const shape of shapes) if (!Array.isArray(shape) || !shape.every((k) => typeof k === 'string')) throw new ColumnsError('Gloss: a part has a malformed shape');
    const decoded = new Map<string, Column>();
    for (const key of Object.keys(cols)) {
      const col = (cols as Record<string, unknown>)[key];
      if (typeof col !== 'object' || col === null) throw new ColumnsError(`Gloss: column ${key} is malformed`);
      const numeric = 'n' in col;
      const list = numeric ? (col as { n: unknown }).n : 'v' in col ? (col as { v: unknown }).v : null;
      if (!Array.isArray(list) || list.length !== length) throw new ColumnsError(`Gloss: column ${key} does not match the part`);
      decoded.set(key, numeric ? { numbers: decodeNumbers(list, key), indices: null } : { numbers: null, indices: decodeIndices(list, values.length, key) });
    }
    for (const shape of shapes) for (const key of shape) if (!decoded.has(key)) throw new ColumnsError(`Gloss: a part lacks the column ${key}`);
    this.chunks.push({ first: this.length, length, shapes, shapeOf: shapeArray, cols: decoded, values });
    this.length += length;
  }

  /** The object at `i`, made afresh (undefined outside the list). */
  get(i: number): T | undefined {
    const chunk = this.chunkOf(i);
    if (!chunk) return undefined;
    const at = i - chunk.first;
    const out: Record<string, unknown> = {};
    for (const key of chunk.shapes[chunk.shapeOf[at]!]!) {
      const col = chunk.cols.get(key)!;
      out[key] = col.numbers ? col.numbers[at] : chunk.values[col.indices![at]!];
    }
    this.derive(out);
    return out as T;
  }

  /**
   * A numeric field of every object, in order, as one new typed array: for
   * reading all the offsets without a look-up per object. Not kept (the
   * caller copies what it needs; keeping it would hold the column twice).
   * NaN where a part has no such numeric column.
   */
  numbers(key: string): Float64Array {
    const whole = new Float64Array(this.length).fill(NaN);
    for (const chunk of this.chunks) {
      const col = chunk.cols.get(key);
      if (col?.numbers) whole.set(col.numbers, chunk.first);
    }
    return whole;
  }

  /** Calls `visit(i, value)` for every object that has a non-numeric `key`, in order. */
  forEachValue(key: string, visit: (i: number, value: unknown) => void): void {
    for (const chunk of this.chunks) {
      const col = chunk.cols.get(key);
      if (!col?.indices) continue;
      for (let at = 0; at < chunk.length; at++) {
        const index = col.indices[at]!;
        if (index >= 0) visit(chunk.first + at, chunk.values[index]);
      }
    }
  }

  /** A numeric field of the object at `i` without making the object (NaN when absent or not numeric). */
  number(key: string, i: number): number {
    const chunk = this.chunkOf(i);
    const col = chunk?.cols.get(key);
    if (!chunk || !col?.numbers) return NaN;
    return col.numbers[i - chunk.first]!;
  }

  /** A non-numeric field of the object at `i` without making the object (undefined when absent). */
  value(key: string, i: number): unknown {
    const chunk = this.chunkOf(i);
    const col = chunk?.cols.get(key);
    if (!chunk || !col?.indices) return undefined;
    const index = col.indices[i - chunk.first]!;
    return index < 0 ? undefined : chunk.values[index];
  }

  /** Every object, made afresh (for the popup and exports). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i)!);
    return out;
  }

  private chunkOf(i: number): Chunk | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.chunks[mid]!.first <= i) lo = mid;
      else hi = mid - 1;
    }
    return this.chunks[lo];
  }
}
