// The typed-array tables must answer as a Map would, through growth and collisions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerIndex, sequenceInterner } from './numberTables.ts';

describe('integerIndex', () => {
  it('finds every key it was given and no other, across growth', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.maxSafeNat(), { maxLength: 300 }), fc.array(fc.maxSafeNat(), { maxLength: 50 }), (keys, probes) => {
        const index = integerIndex(4);
        const reference = new Map<number, number>();
        keys.forEach((k, i) => {
          index.add(k, i);
          reference.set(k, i);
        });
        expect(index.size).toBe(keys.length);
        for (const k of [...keys, ...probes]) expect(index.get(k)).toBe(reference.get(k) ?? -1);
      }),
    );
  });

  it('tells apart keys that share their low 32 bits', () => {
    const index = integerIndex(4);
    index.add(5, 1);
    index.add(5 + 2 ** 32, 2);
    index.add(5 + 2 ** 40, 3);
    expect([index.get(5), index.get(5 + 2 ** 32), index.get(5 + 2 ** 40), index.get(5 + 2 ** 33)]).toEqual([1, 2, 3, -1]);
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
