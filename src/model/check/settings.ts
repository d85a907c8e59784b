// What bounds the explored world (issue 7 item 1): which groups take part, how many userspace
// objects of each kind a sequence may hold at once, which commands are left out, and where the
// search stops. A scenario may carry them in a "check" object (scenario-format.md allows extra
// fields); every field has a default, so a scenario that names no bounds is checked as it is.
import { z } from 'zod';
import { OPS } from '../kernel/commands.ts';

/**
 * Named parts of the command set a user can leave out, besides single ops: `type1` is the legacy
 * container IOMMU (model.md §6 "leave commands out ... for example type1"), `external` rfc-v2's
 * VFIO_EXTERNAL_IOMMU path (SET_IOMMU(external) + GET_DEVICE_FD_NEW), `cdev` upstream's device
 * cdev, `nesting` IOASIDs allocated with a parent, `pci-stub` pci-stub as a candidate driver.
 */
export const COMMAND_FAMILIES = ['type1', 'external', 'cdev', 'nesting', 'pci-stub'] as const;
export type CommandFamily = (typeof COMMAND_FAMILIES)[number];

const leaveOut = z.string().refine((w) => (COMMAND_FAMILIES as readonly string[]).includes(w) || (OPS as readonly string[]).includes(w), {
  message: `names neither a command family (${COMMAND_FAMILIES.join(', ')}) nor an op`,
});

const bound = (max: number) => z.number().int().min(0).max(max);

/** The scenario's "check" object. Limits on objects are small on purpose: each one multiplies the states. */
export const checkSettingsSchema = z.object({
  /** Groups to explore besides the multi-device ones, each named by any member. */
  groups: z.array(z.string()).default([]),
  containers: bound(3).default(1),
  iommufds: bound(3).default(1),
  ioasids: bound(3).default(1),
  devices: bound(4).default(1),
  /** Command families or ops left out of the explored world. */
  without: z.array(leaveOut).default([]),
  /** Commands in a sequence at most; null: no limit (the world is finite, the search ends). */
  maxDepth: z.number().int().positive().nullable().default(null),
  maxStates: z.number().int().positive().default(2_000_000),
});

export type CheckSettings = z.output<typeof checkSettingsSchema>;
export type CheckSettingsInput = z.input<typeof checkSettingsSchema>;

export const DEFAULT_CHECK_SETTINGS: CheckSettings = checkSettingsSchema.parse({});

/** Settings with defaults filled in; throws on values the schema refuses (callers validate user input first). */
export function checkSettings(input: CheckSettingsInput = {}): CheckSettings {
  return checkSettingsSchema.parse(input);
}
