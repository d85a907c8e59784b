// An edit the machine cannot take (a full port, an unknown address, a bad option): applyEdit turns
// it into a message for the user. Any other exception is a bug and is left to surface.
import { normalizeBdf } from '../topology/bdf.ts';
import type { Bdf } from '../topology/types.ts';

export class EditRefusal extends Error {}

/** A user-given address in canonical form, or a refusal naming it. */
export function editBdf(text: string): Bdf {
  try {
    return normalizeBdf(text);
  } catch (e) {
    throw new EditRefusal((e as Error).message);
  }
}
