// Where a card or a new device can be dropped: device nodes of ports and bridges carry
// `data-edit-target` in edit mode; a drag finds the one under the pointer.
import type { PciFunction } from '../../model/topology/types.ts';

export const EDIT_TARGET_ATTR = 'data-edit-target';

/** Ports and bridges open a bus a card can sit on; a switch's upstream port opens only its internal bus. */
export function acceptsCards(fn: Pick<PciFunction, 'headerType' | 'pcieType'>): boolean {
  return fn.headerType !== 'normal' && fn.pcieType !== 'switch-upstream';
}

export function editTargetAt(x: number, y: number): string | null {
  const el = document.elementFromPoint(x, y)?.closest(`[${EDIT_TARGET_ATTR}]`);
  return el?.getAttribute(EDIT_TARGET_ATTR) ?? null;
}
