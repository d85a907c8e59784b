// Two hash tables for the model checker's hottest lookups, in typed arrays. A JavaScript Map keyed by
// a number above 2^31 boxes every key as a heap number, and interning a code sequence through a Map
// builds a string per lookup: the search does one or the other for every command it tries (about
// 1.5 million on the seed's scenario), and the garbage they leave was a seventh of its time.
// Open addressing with linear probing; tables double when half full.

/** Spreads the bits of a 32-bit value (the finaliser of MurmurHash3). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The two 32-bit halves of an integer below 2^53, mixed. */
function hashInteger(k: number): number {
  return mix((k >>> 0) ^ Math.imul((k / 4294967296) >>> 0, 0x9e3779b1));
}

export interface IntegerSet {
  has(key: number): boolean;
  /** Adds a key not in the set yet. */
  add(key: number): void;
  readonly size: number;
}

/**
 * A set of non-negative integers below 2^53. One array of keys (-1 marks a free slot): a lookup
 * that misses the processor's cache costs one miss per probe, not two.
 */
export function integerSet(capacity = 1 << 12): IntegerSet {
  let keys = new Float64Array(capacity).fill(-1);
  let mask = capacity - 1;
  let size = 0;

  const slotOf = (key: number): number => {
    let i = hashInteger(key) & mask;
    for (let k = keys[i]!; k !== -1 && k !== key; k = keys[i]!) i = (i + 1) & mask;
    return i;
  };
  const grow = () => {
    const old = keys;
    keys = new Float64Array(old.length * 2).fill(-1);
    mask = keys.length - 1;
    for (const k of old) if (k !== -1) keys[slotOf(k)] = k;
  };

  return {
    has: (key) => keys[slotOf(key)] === key,
    add(key) {
      if (2 * (size + 1) > keys.length) grow();
      keys[slotOf(key)] = key;
      size++;
    },
    get size() {
      return size;
    },
  };
}

/**
 * Numbers for sequences of small non-negative integers (below 2^31): equal sequences get the same
 * number, different ones different numbers, counting from 0 in order of first appearance.
 */
export function sequenceInterner(capacity = 1 << 10): (codes: readonly number[], length: number) => number {
  // Sequence n is pool[starts[n] .. starts[n + 1]); its hash is kept to skip most comparisons.
  let pool = new Int32Array(capacity * 8);
  let starts = new Int32Array(capacity + 1);
  let hashes = new Int32Array(capacity);
  let slots = new Int32Array(capacity * 2).fill(-1);
  let count = 0;

  const hashOf = (codes: readonly number[], length: number): number => {
    let h = length;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
    return mix(h);
  };
  const equals = (n: number, codes: readonly number[], length: number): boolean => {
    const from = starts[n]!;
    if (starts[n + 1]! - from !== length) return false;
    for (let i = 0; i < length; i++) if (pool[from + i] !== codes[i]) return false;
    return true;
  };
  const slotFor = (h: number, at: Int32Array): number => {
    const m = at.length - 1;
    let i = h & m;
    while (at[i] !== -1) i = (i + 1) & m;
    return i;
  };
  const growEntries = () => {
    const bigger = (a: Int32Array, n: number) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    starts = bigger(starts, hashes.length * 2 + 1);
    hashes = bigger(hashes, hashes.length * 2);
    slots = new Int32Array(hashes.length * 2).fill(-1);
    for (let n = 0; n < count; n++) slots[slotFor(hashes[n]!, slots)] = n;
  };

  return (codes, length) => {
    const h = hashOf(codes, length);
    const m = slots.length - 1;
    let i = h & m;
    for (let n = slots[i]!; n !== -1; n = slots[i]!) {
      if (hashes[n] === h && equals(n, codes, length)) return n;
      i = (i + 1) & m;
    }
    const n = count++;
    const from = starts[n]!;
    if (from + length > pool.length) {
      const b = new Int32Array(Math.max(pool.length * 2, from + length));
      b.set(pool);
      pool = b;
    }
    for (let k = 0; k < length; k++) pool[from + k] = codes[k]!;
    starts[n + 1] = from + length;
    hashes[n] = h;
    slots[i] = n;
    if (2 * count >= slots.length) growEntries();
    return n;
  };
}
