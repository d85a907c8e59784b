// A paste cut short loses the end of its last device block. lspci prints the same kinds of lines for
// every device at one verbosity, so the last block lacking what every other block shows is the sign.
import { shortBdf } from '../../model/topology/bdf.ts';
import type { Bdf } from '../../model/topology/types.ts';
import type { WarningLog } from '../importResult.ts';
import type { BlockFields } from './blockFields.ts';

export interface BlockSummary {
  bdf: Bdf;
  headerLine: number;
  lastLine: number;
  hasIds: boolean;
  isBridge: boolean;
  fields: BlockFields;
}

/** Warns when the last block lacks a kind of line every other block has. */
export function checkLastBlock(blocks: readonly BlockSummary[], log: WarningLog): void {
  const last = blocks[blocks.length - 1];
  if (!last || blocks.length < 2) return;
  const others = blocks.slice(0, -1);
  const everyOther = (has: (b: BlockSummary) => boolean) => others.every(has);
  const lacks: string[] = [];
  if (!last.hasIds && everyOther((b) => b.hasIds)) lacks.push('the [vendor:device] ids on its device line');
  if (!last.fields.hasStatus && everyOther((b) => b.fields.hasStatus)) lacks.push('a Status: line');
  if (!last.fields.hasFlags && everyOther((b) => b.fields.hasFlags)) lacks.push('a Flags: line');
  const bridges = others.filter((b) => b.isBridge);
  if (last.isBridge && !last.fields.bus && bridges.length > 0 && bridges.every((b) => b.fields.bus)) lacks.push('a Bus: line');
  const acsShown = others.some((b) => b.fields.acsCtl);
  if (last.fields.acsHeader !== undefined && acsShown && !(last.fields.acsCap && last.fields.acsCtl)) lacks.push('the ACSCap/ACSCtl lines');
  if (last.fields.sriovHeader !== undefined && last.fields.hasStatus && !(last.fields.sriovCounts && last.fields.sriovRouting)) lacks.push('the SR-IOV VF numbers');
  if (lacks.length === 0) return;
  log.add(
    last.lastLine,
    `the input seems to end inside the last device block (${shortBdf(last.bdf)}, from line ${last.headerLine}): it lacks ${lacks.join(' and ')}, which the other blocks show; the function is kept with what its block shows.`,
    last.bdf,
  );
}
