// The first line of an lspci device block, in its three shapes:
//   0000:00:1f.3 Audio device [0403]: Intel Corporation Foo [8086:a2f0] (rev 10) (prog-if 80)   -D -nn
//   00:1f.3 Audio device: Intel Corporation Foo (rev 10)                                         plain
//   00:1f.3 0403: 8086:a2f0 (rev 10)                                                             -n
// Read with indexOf and end-anchored patterns only, so a long garbled line costs linear time.
import { ADDRESS_PATTERN, readAddress, type AddressReading } from '../address.ts';
import { classCodeOfName } from './classNames.ts';

const DEVICE_LINE = new RegExp(`^${ADDRESS_PATTERN}[ \\t]+(\\S.*)$`);
const NUMERIC_CLASS = /^[0-9a-fA-F]{4}$/;
const BRACKETED_CLASS = /\s\[([0-9a-fA-F]{4})\]$/;
const REVISION = /\s\(rev [0-9a-fA-F]{2}\)$/;
const IDS_AT_END = /\[([0-9a-fA-F]{4}):([0-9a-fA-F]{4})\]$/;
const IDS_ONLY = /^([0-9a-fA-F]{4}):([0-9a-fA-F]{4})$/;

export interface DeviceLine {
  address: AddressReading;
  /** Printed as `[0604]` or by -n, else looked up by the class name; null for an unknown name. */
  classCode: number | null;
  vendor: number | null;
  device: number | null;
  name: string;
}

/** Whether a line (without its indentation) starts a device block. */
export function isDeviceLine(trimmed: string): boolean {
  return DEVICE_LINE.test(trimmed);
}

/** Reads a line for which isDeviceLine is true. */
export function readDeviceLine(trimmed: string): DeviceLine {
  const m = DEVICE_LINE.exec(trimmed)!;
  const address = readAddress(m[1], m[2]!, m[3]!, m[4]!);
  const rest = m[5]!;
  const colon = rest.indexOf(': ');
  const classPart = colon < 0 ? rest.replace(/:$/, '') : rest.slice(0, colon);
  let desc = colon < 0 ? '' : rest.slice(colon + 2).trim();

  const progIf = desc.lastIndexOf(' (prog-if ');
  if (progIf >= 0 && desc.endsWith(')')) desc = desc.slice(0, progIf);
  desc = desc.replace(REVISION, '');

  let vendor: number | null = null;
  let device: number | null = null;
  const ids = IDS_ONLY.exec(desc) ?? IDS_AT_END.exec(desc);
  if (ids) {
    vendor = parseInt(ids[1]!, 16);
    device = parseInt(ids[2]!, 16);
    desc = desc.slice(0, ids.index).trim();
  }

  let className = classPart.trim();
  let classCode: number | null;
  const bracket = BRACKETED_CLASS.exec(className);
  if (NUMERIC_CLASS.test(className)) {
    classCode = parseInt(className, 16);
    className = `Class ${className}`;
  } else if (bracket) {
    classCode = parseInt(bracket[1]!, 16);
    className = className.slice(0, bracket.index).trim();
  } else {
    classCode = classCodeOfName(className);
  }
  return { address, classCode, vendor, device, name: desc === '' ? className : desc };
}
