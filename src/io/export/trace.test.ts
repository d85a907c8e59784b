// The numbered ioctl trace: every call named as the kernel's interface, fds as the kernel numbers
// them, refusals with their errno and sentence, the BUG as an oops; golden files read by eye.
import { describe, expect, it } from 'vitest';
import { exportScenario } from './exportScenario.ts';
import type { ExportScenario } from './runScenario.ts';
import { mailProblems } from './testing/exportCases.ts';
import { gpuRfcV2, gpuUpstream, legacyBug } from './testing/goldenScenarios.ts';

function trace(s: ExportScenario): string {
  const r = exportScenario(s, 'trace');
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

const step = (text: string, n: number) => {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`${n}) `));
  const end = lines.findIndex((l, i) => i > at && /^\d+\) /.test(l));
  return lines.slice(at, end < 0 ? undefined : end).join('\n');
};

describe('ioctl trace', () => {
  it('names each call as the kernel interface of its design, with the fds the program holds', () => {
    const text = trace(gpuUpstream);
    expect(step(text, 1)).toBe('1)  echo 0000:01:00.0 > /sys/bus/pci/drivers/nouveau/unbind = 0');
    expect(step(text, 4)).toBe('4)  open("/dev/vfio/vfio", O_RDWR) = 3 ("c1")');
    expect(step(text, 5)).toBe('5)  open("/dev/vfio/3", O_RDWR) = 4');
    expect(step(text, 7)).toMatch(/^7\) {2}VFIO_GROUP_SET_CONTAINER\(group_fd 4, container_fd 3\) = -EPERM:\n {6}iommu_group_claim_dma_owner\(\) refuses: group 3 is not viable/);
    expect(step(text, 17)).toBe('17) IOMMU_IOAS_ALLOC(iommufd 6) as "ioas" = 0');
    expect(step(text, 19)).toMatch(/^19\) VFIO_DEVICE_BIND_IOMMUFD\(device_fd 7, iommufd 6\) = 0\n {4}-> group 4 domain default -> blocked/);
    expect(text).toMatch(/\ninvariants:\nholds: I1, I2, I3, I4, I5\n$/);
  });

  it('writes the RFC\'s calls under rfc-v2, and the refusal reviewers quote', () => {
    const text = trace(gpuRfcV2);
    expect(step(text, 8)).toBe('8)  open("/dev/ioasid", O_RDWR) = 5 ("ioasid_fd")');
    expect(step(text, 9)).toMatch(/^9\) {2}VFIO_GROUP_GET_DEVICE_FD_NEW\(group_fd 4, dev 01:00\.0, ioasid_fd 5,\n {6}cookie 1\) = -EINVAL: group 3 is not viable: 0000:01:00\.1 is bound/);
    expect(step(text, 13)).toMatch(/^13\) VFIO_DEVICE_ATTACH_IOASID\(device_fd 6, ioasid "gpa"\) = 0/);
  });

  it('numbers fds as the kernel does: the lowest free one, reused after close', () => {
    const s: ExportScenario = {
      ...gpuUpstream,
      commands: [
        { op: 'container.open', as: 'a' },
        { op: 'container.open', as: 'b' },
        { op: 'container.close', container: 'a' },
        { op: 'container.open', as: 'c' },
        { op: 'iommufd.open', as: 'd' },
        { op: 'group.open', bdf: '01:00.0' },
        { op: 'group.setContainer', bdf: '01:00.0', container: 'a' },
      ],
    };
    const text = trace(s);
    expect([1, 2, 3, 4, 5].map((n) => step(text, n).split(' = ')[1])).toEqual(['3 ("a")', '4 ("b")', '0', '3 ("c")', '5 ("d")']);
    expect(step(text, 3)).toBe('3) close(3) = 0');
    // /dev/vfio/3 does not exist (no vfio device in the group): no fd, so later calls pass -1.
    expect(step(text, 6)).toMatch(/^6\) open\("\/dev\/vfio\/3", O_RDWR\) = -ENOENT:/);
    expect(step(text, 7)).toMatch(/^7\) VFIO_GROUP_SET_CONTAINER\(group_fd -1, container_fd 3\) = -EBADF/);
  });

  it('shows the BUG as an oops and the steps after it as not run', () => {
    const text = trace(legacyBug());
    expect(step(text, 10)).toMatch(/^10\) echo 0000:01:00\.1 > \/sys\/bus\/pci\/drivers\/e1000e\/bind = 0\n {4}-> group 4 not viable \(01:00\.1 on e1000e\)\n {4}------------\[ cut here \]------------\n {4}kernel BUG in vfio_iommu_group_notifier: /);
    expect(step(text, 10)).toMatch(/\n {4}---\[ end trace \]---$/);
    expect(step(text, 11)).toMatch(/^11\) VFIO_GROUP_GET_DEVICE_FD\(group_fd 4, dev 01:00\.0\) not run: the\n {6}machine panicked at step 10\n/);
    expect(text).toContain('BROKEN I5 (no panic) at step 10 (driver.bind)');
  });

  it('keeps to the mail rules', () => {
    for (const s of [gpuUpstream, gpuRfcV2, legacyBug()]) expect(mailProblems(trace(s))).toEqual([]);
  });

  it('says so when there are no commands', () => {
    expect(trace({ ...gpuUpstream, commands: [] })).toContain('\n(no commands)\n');
  });

  it.each([
    ['gpu-upstream', gpuUpstream],
    ['gpu-rfc-v2', gpuRfcV2],
    ['b-legacy-bug', legacyBug()],
  ] as const)('golden: %s', async (name, scenario) => {
    await expect(trace(scenario)).toMatchFileSnapshot(`golden/${name}.trace.txt`);
  });
});
