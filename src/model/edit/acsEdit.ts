// An ACS capability as a user edits it: checked field by field, control bits limited to the
// capability bits the port has.
import type { AcsBits, AcsCapability } from '../topology/types.ts';
import { EditRefusal } from './refusal.ts';

const ACS_BIT_NAMES: readonly (keyof AcsBits)[] = ['sv', 'tb', 'rr', 'cr', 'uf', 'ec', 'dt'];

function bitsOf(value: unknown, field: string): AcsBits {
  if (typeof value !== 'object' || value === null) throw new EditRefusal(`ACS ${field} must be an object of the bits ${ACS_BIT_NAMES.join(', ')}`);
  const record = value as Record<string, unknown>;
  const bits = {} as AcsBits;
  for (const name of ACS_BIT_NAMES) {
    const bit = record[name] ?? false;
    if (typeof bit !== 'boolean') throw new EditRefusal(`ACS ${field}.${name} must be true or false, not ${JSON.stringify(bit)}`);
    bits[name] = bit;
  }
  return bits;
}

/**
 * The capability as the hardware would hold it: a control bit whose capability bit is 0 is
 * hardwired to 0 (PCIe Base Spec, ACS Control Register: "must be hardwired to 0b" when not implemented).
 */
export function normalizeAcs(acs: unknown): AcsCapability | null {
  if (acs === null) return null;
  if (typeof acs !== 'object' || acs === undefined) throw new EditRefusal('ACS must be null (no capability) or { cap, ctrl }');
  const { cap, ctrl } = acs as { cap?: unknown; ctrl?: unknown };
  const capBits = bitsOf(cap, 'cap');
  const ctrlBits = bitsOf(ctrl, 'ctrl');
  for (const name of ACS_BIT_NAMES) ctrlBits[name] &&= capBits[name];
  return { cap: capBits, ctrl: ctrlBits };
}
