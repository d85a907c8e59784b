import { describe, expect, it } from 'vitest';
import { isDeviceLine, readDeviceLine } from './deviceLine.ts';

const read = (line: string) => {
  expect(isDeviceLine(line)).toBe(true);
  const { address, ...rest } = readDeviceLine(line);
  return { bdf: address.kind === 'ok' ? address.bdf : address.kind, ...rest };
};

describe('device lines', () => {
  it('-D -nn with revision and prog-if', () => {
    expect(read('0000:00:1f.2 SATA controller [0106]: Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode] [8086:2922] (rev 02) (prog-if 01 [AHCI 1.0])')).toEqual({
      bdf: '0000:00:1f.2',
      classCode: 0x0106,
      vendor: 0x8086,
      device: 0x2922,
      name: 'Intel Corporation 82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]',
    });
  });

  it('-nn keeps brackets that belong to the name', () => {
    expect(read('01:00.0 VGA compatible controller [0300]: NVIDIA Corporation GP108 [GeForce GT 1030] [10de:1d01] (rev a1)')).toMatchObject({ bdf: '0000:01:00.0', name: 'NVIDIA Corporation GP108 [GeForce GT 1030]', vendor: 0x10de, device: 0x1d01 });
  });

  it('plain: class from the name table, no ids', () => {
    expect(read('00:1c.0 PCI bridge: Intel Corporation Sunrise Point-LP PCI Express Root Port #1 (rev f1) (prog-if 00 [Normal decode])')).toEqual({
      bdf: '0000:00:1c.0',
      classCode: 0x0604,
      vendor: null,
      device: null,
      name: 'Intel Corporation Sunrise Point-LP PCI Express Root Port #1',
    });
  });

  it('plain with a class lspci knows only by its base class: the code is in brackets', () => {
    expect(read('01:00.0 Unassigned class [ff00]: Realtek Semiconductor Co., Ltd. RTS525A PCI Express Card Reader (rev 01)')).toMatchObject({ classCode: 0xff00, vendor: null });
  });

  it('-n: numbers only', () => {
    expect(read('00:02.0 0300: 8086:3e92 (rev 02)')).toEqual({ bdf: '0000:00:02.0', classCode: 0x0300, vendor: 0x8086, device: 0x3e92, name: 'Class 0300' });
  });

  it('an unknown class name leaves the class unknown; a line without a description keeps the class name', () => {
    expect(read('00:05.0 Frobnicator: Acme')).toMatchObject({ classCode: null, name: 'Acme' });
    expect(read('00:05.0 Host bridge:')).toMatchObject({ classCode: 0x0600, name: 'Host bridge' });
  });

  it('addresses: device numbers above 1f and VMD domains are told apart', () => {
    expect(readDeviceLine('00:3f.0 Host bridge: x').address).toEqual({ kind: 'bad', text: '00:3f.0', why: 'device number 3f is above 1f' });
    expect(readDeviceLine('10000:e0:17.0 SATA controller: x').address).toEqual({ kind: 'vmd', text: '10000:e0:17.0' });
  });

  it('field lines and half addresses are not device lines', () => {
    for (const line of ['Subsystem: Intel Corporation Device [8086:7270]', '00:1f.3', 'IOMMU group 0 00:02.0 VGA', '0000:00:1f.3']) expect(isDeviceLine(line)).toBe(false);
  });
});
