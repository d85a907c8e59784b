import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../../store/explorerStore.ts';
import { groupView } from '../../store/views.ts';
import { FLOW_PRESETS, flowPreset, presetFromFile } from './presets.ts';

/** Loads a preset and answers the GPU-or-card group's view after `count` steps. */
function after(id: string, count: number, bdf: string) {
  const store = createExplorerStore(flowPreset(id)!.scenario);
  store.getState().jumpTo(count);
  const s = store.getState();
  return { s, group: groupView(s.machine, s.grouping.groupOf.get(bdf)!) };
}

const opIndex = (id: string, op: string, nth = 1) => {
  const commands = flowPreset(id)!.scenario.commands!;
  let seen = 0;
  return commands.findIndex((c) => c.op === op && ++seen === nth) + 1;
};

describe('flow presets', () => {
  it('each runs to its end without a refusal under its own policy, one step per command', () => {
    expect(FLOW_PRESETS.map((p) => p.scenario.policy)).toEqual(['rfc-v2', 'legacy', 'upstream']);
    for (const preset of FLOW_PRESETS) {
      const s = createExplorerStore(preset.scenario).getState();
      expect(s.steps).toHaveLength(preset.scenario.commands!.length);
      expect(s.replay.entries.filter((e) => !e.outcome.ok).map((e) => e.command.op), preset.id).toEqual([]);
      expect(s.machine.panic).toBeNull();
    }
  });

  it('seed: blocked from the first GET_DEVICE_FD_NEW, on the IOASID while attached, default after the last unbind', () => {
    const id = 'flow-seed-device-fd-new';
    const GPU = '0000:01:00.0';
    expect(after(id, opIndex(id, 'group.getDeviceFdNew') - 1, GPU).group.domainKind).toBe('default');
    expect(after(id, opIndex(id, 'group.getDeviceFdNew'), GPU).group).toMatchObject({ domainId: 'blocked', owner: 'iommufd:io1' });
    expect(after(id, opIndex(id, 'device.attach'), GPU).group.domainKind).toBe('user');
    expect(after(id, opIndex(id, 'device.detach', 1), GPU).group.domainKind).toBe('user');
    expect(after(id, opIndex(id, 'device.detach', 2), GPU).group.domainId).toBe('blocked');
    expect(after(id, opIndex(id, 'device.close', 1), GPU).group.domainId).toBe('blocked');
    const end = after(id, opIndex(id, 'device.close', 2), GPU);
    expect(end.group.domainKind).toBe('default');
    expect(end.group.owner).not.toMatch(/iommufd/);
    expect(end.s.machine.devices.size).toBe(0);
  });

  it("legacy (vfio.rst): not viable until both cards are on vfio-pci; GET_STATUS says viable; type1 gives the container's domain", () => {
    const id = 'flow-legacy-type1';
    const CARD = '0000:02:01.0';
    expect(after(id, 3, CARD).group.viable).toBe(false);
    expect(after(id, 6, CARD).group.viable).toBe(true);
    const status = after(id, opIndex(id, 'group.getStatus'), CARD).s.replay.entries.at(-1)!;
    expect(status.outcome).toMatchObject({ ok: true, result: { flags: { viable: true, containerSet: false } } });
    const end = after(id, opIndex(id, 'group.getDeviceFd'), CARD);
    expect(end.group).toMatchObject({ domainKind: 'user', owner: 'container:c1' });
    expect([...end.s.machine.devices.values()].map((d) => d.name)).toEqual(['d1']);
  });

  it('upstream: the bind claims and blocks the group; attaching while attached replaces the page table', () => {
    const id = 'flow-upstream-cdev';
    const GPU = '0000:01:00.0';
    expect(after(id, opIndex(id, 'cdev.open'), GPU).group.domainKind).toBe('default');
    expect(after(id, opIndex(id, 'cdev.bindIommufd'), GPU).group).toMatchObject({ domainId: 'blocked', owner: 'iommufd:io1' });
    const first = after(id, opIndex(id, 'device.attach', 1), GPU);
    const replaced = after(id, opIndex(id, 'device.attach', 2), GPU);
    expect(first.group.domainKind).toBe('user');
    expect(replaced.group.domainKind).toBe('user');
    expect(replaced.group.domainId).not.toBe(first.group.domainId);
    const end = after(id, opIndex(id, 'ioasid.free'), GPU);
    expect([...end.s.machine.ioasids.values()].map((a) => a.name)).toEqual(['ioas2']);
  });

  it('names the file and the command when a preset is wrong', () => {
    const json = { version: 1, name: 'x', topology: { functions: [] }, commands: [{ op: 'group.open' }] };
    expect(() => presetFromFile('bad', 'bad.scenario.json', json)).toThrow(/bad.scenario.json: command 1: group.open: argument "bdf" is missing/);
  });
});
