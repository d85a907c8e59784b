// The typed-array tables must answer as a Map would, through growth and collisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerSet, sequenceInterner } from './numberTables.ts';

describe('integerSet', () => {
  it('holds every key it was given and no other, across growth', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.maxSafeNat(), { maxLength: 300 }), fc.array(fc.maxSafeNat(), { maxLength: 50 }), (keys, probes) => {
        const set = integerSet(4);
        for (const k of keys) set.add(k);
        expect(set.size).toBe(keys.length);
        for (const k of [...keys, ...probes]) expect(set.has(k)).toBe(keys.includes(k));
      }),
    );
  });

  it('tells apart keys that share their low 32 bits, and holds 0', () => {
    const set = integerSet(4);
    for (const k of [0, 5, 5 + 2 ** 32, 5 + 2 ** 40]) set.add(k);
    expect([0, 5, 5 + 2 ** 32, 5 + 2 ** 40, 5 + 2 ** 33, 1].map((k) => set.has(k))).toEqual([true, true, true, true, false, false]);
  });
});

describe('sequenceInterner', () => {
  it('numbers equal sequences alike and different ones apart, in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.nat({ max: 70000 }), { maxLength: 12 }), { maxLength: 400 }), (sequences) => {
        const intern = sequenceInterner(2);
        const reference = new Map<string, number>();
        for (const seq of sequences) {
          const expected = reference.get(seq.join(',')) ?? reference.size;
          reference.set(seq.join(','), expected);
          // Only the first `length` codes count: a longer buffer holds leftovers from earlier keys.
          expect(intern([...seq, 9, 9, 9], seq.length)).toBe(expected);
        }
      }),
    );
  });
});
