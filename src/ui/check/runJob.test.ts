// The worker's run, driven in Node as the worker drives it: progress while it runs, one report per
// design and per diffed pair, and a cancel that stops it with what it found.
import { describe, expect, it } from 'vitest';
import { tinyWorld } from '../../model/check/testing/worlds.ts';
import type { CheckJob, FromWorker } from './checkProtocol.ts';
import { runJob, type JobControl } from './runJob.ts';

const world = tinyWorld();
const job: CheckJob = { topology: world.topology, grouping: world.grouping, settings: world.settings ?? {}, policies: ['legacy', 'upstream'], diff: true };

/** A control whose clock moves 50 ms per reading, so progress and pauses come at every chunk. */
function control(cancelAfterPauses = Infinity): { control: JobControl; messages: FromWorker[] } {
  const messages: FromWorker[] = [];
  let t = 0;
  let pauses = 0;
  return {
    messages,
    control: {
      post: (m) => messages.push(structuredClone(m)),
      cancelled: () => pauses >= cancelAfterPauses,
      pause: async () => {
        pauses++;
      },
      now: () => (t += 50),
    },
  };
}

describe('a check run in the worker', () => {
  it('posts progress, a report per design, a diff per pair, then done; every message survives structured cloning', async () => {
    const { control: c, messages } = control();
    await runJob(7, job, c);
    expect(messages.every((m) => m.runId === 7)).toBe(true);
    expect(messages.filter((m) => m.type === 'check').map((m) => m.type === 'check' && m.report.policy)).toEqual(['legacy', 'upstream']);
    expect(messages.filter((m) => m.type === 'diff').map((m) => m.type === 'diff' && m.report.policies)).toEqual([['legacy', 'upstream']]);
    expect(messages.at(-1)).toEqual({ type: 'done', runId: 7, cancelled: false });
    const progress = messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(3);
    const legacy = messages.find((m) => m.type === 'check')!;
    expect(legacy.type === 'check' && legacy.report.invariants.find((i) => i.id === 'I3')!.holds).toBe(false);
  });

  it('stops at the next chunk once cancelled, reporting the search it stopped as cancelled', async () => {
    const { control: c, messages } = control(1);
    await runJob(8, job, c);
    const reports = messages.filter((m) => m.type === 'check');
    expect(reports).toHaveLength(1);
    expect(reports[0]!.type === 'check' && reports[0]!.report.stoppedBy).toBe('cancelled');
    expect(messages.at(-1)).toEqual({ type: 'done', runId: 8, cancelled: true });
  });

  it('reports settings the world cannot be built from as an error, not a crash', async () => {
    const { control: c, messages } = control();
    await runJob(9, { ...job, settings: { groups: ['05:00.0'] } }, c);
    expect(messages.at(-1)).toEqual({ type: 'error', runId: 9, message: 'check.groups: 0000:05:00.0 is in no IOMMU group of this topology' });
  });
});
