// Fuzzing the reader of stored sessions with 10,000 generated values: saved sessions of built-in
// scenarios damaged line by line or cut (as a browser crash mid-write or a hand edit leaves them),
// and arbitrary JSON. Reading never throws; a refusal says what is wrong in one message.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { gpuAudioNvme, sriovNic } from '../scenarios/index.ts';
import { createExplorerStore } from '../store/explorerStore.ts';
import { mutatedText } from '../testing/textMutations.ts';
import { readSession } from './readSession.ts';
import { sessionOf } from './session.ts';

function savedText(store: ReturnType<typeof createExplorerStore>): string {
  return JSON.stringify(sessionOf(store.getState(), new Date(0)), null, 1);
}

const gpu = createExplorerStore(gpuAudioNvme);
gpu.getState().changeDriver('0000:01:00.0', { kind: 'driver', name: 'vfio-pci' });
const SAVED = [savedText(gpu), savedText(createExplorerStore(sriovNic))];

describe('stored session reader fuzz', () => {
  it('10,000 damaged sessions and arbitrary JSON', () => {
    const value = fc.oneof({ arbitrary: mutatedText(SAVED, { maxLines: 2_000, maxEdits: 3 }), weight: 8 }, { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 });
    fc.assert(
      fc.property(value, (text) => {
        const r = readSession(text);
        if (!r.ok && r.message.trim().length < 10) throw new Error(`an empty refusal: ${r.message}`);
      }),
      { numRuns: 10_000 },
    );
  });
});
