// The PCI tree in the manner of `lspci -t` (root buses as -[dddd:bb]-, +- and \- for siblings, |
// to carry a level down), one line per function so each can carry its group, driver and name in
// aligned columns. Deep trees would push the columns off the line, so a subtree that starts too far
// right is drawn again below as a tree of its own ("-[05:00.0]-"), named where it was cut.
import { viability } from '../../model/kernel/facts.ts';
import { driverOf } from '../../model/kernel/state.ts';
import type { MachineState } from '../../model/kernel/types.ts';
import { busOf, shortBdf } from '../../model/topology/bdf.ts';
import type { Bdf, PciFunction } from '../../model/topology/types.ts';
import { ascii, clip, MAIL_WIDTH } from './plainText.ts';
import { runName, siblingRuns, type FunctionFacts, type Sibling } from './siblingRuns.ts';

/** Past this many columns of tree a subtree is drawn again below, so the columns keep ~30 for text. */
const MAX_PREFIX = 26;
/** Driver names longer than this are clipped ("!snd_hda_intel" is 14). */
const DRIVER_WIDTH = 14;

type Row =
  | { kind: 'fn'; prefix: string; fn: PciFunction }
  /** `cont` starts the run's second line, which says how many functions and what they are. */
  | { kind: 'run'; prefix: string; cont: string; fns: PciFunction[] }
  | { kind: 'cut'; prefix: string; at: PciFunction }
  | { kind: 'blank' };

/** A vendor that pci.ids follows with its short name: "Advanced Micro Devices, Inc. [AMD/ATI]". */
const VENDOR_WITH_SHORT_NAME = /^[^[\]]*(?:Corporation|Inc\.|Ltd\.?|Co\.) \[([^\]]+)\] /;
/** Company words that say nothing in a tree and cost a third of the name column. */
const COMPANY_WORDS = /,? (?:Corporation|Corp\.|Co\., Ltd\.?|Ltd\.|Inc\.)(?= |$)/g;

/** A name shortened for the tree's last column: "AMD/ATI Navi 10", "Intel 82574L ...". */
function shortName(name: string): string {
  return ascii(name.replace(VENDOR_WITH_SHORT_NAME, '$1 ').replace(COMPANY_WORDS, ''));
}

interface TreeInput {
  functions: readonly PciFunction[];
  facts: (fn: PciFunction) => FunctionFacts;
}

function buildChildren(functions: readonly PciFunction[]) {
  const known = new Set(functions.map((f) => f.bdf));
  const children = new Map<Bdf, PciFunction[]>();
  const roots = new Map<string, PciFunction[]>();
  for (const f of [...functions].sort((a, b) => (a.bdf < b.bdf ? -1 : 1))) {
    // A parent the topology does not have (a hand-written file) puts the function on its own bus.
    const list = f.parent !== null && known.has(f.parent) ? children : roots;
    const key = f.parent !== null && known.has(f.parent) ? f.parent : busOf(f.bdf);
    const siblings = list.get(key);
    if (siblings) siblings.push(f);
    else list.set(key, [f]);
  }
  return { children, roots: [...roots].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

function treeRows(input: TreeInput): Row[] {
  const { children, roots } = buildChildren(input.functions);
  const isLeaf = (f: PciFunction) => !children.has(f.bdf);
  const cuts: PciFunction[] = [];

  /** Rows of `siblings`: the first line of each starts with `lead(i)`, lines below with `cont(i)`. */
  const rowsOf = (siblings: readonly PciFunction[], lead: (i: number, n: number) => string, cont: (i: number, n: number) => string): Row[] => {
    const rows: Row[] = [];
    const items: Sibling[] = siblingRuns(siblings, input.facts, isLeaf);
    items.forEach((item, i) => {
      const prefix = lead(i, items.length);
      if (item.kind === 'run') {
        rows.push({ kind: 'run', prefix, cont: cont(i, items.length), fns: item.fns });
        return;
      }
      rows.push({ kind: 'fn', prefix, fn: item.fn });
      const below = children.get(item.fn.bdf);
      if (!below) return;
      const c = cont(i, items.length);
      if (c.length + 2 > MAX_PREFIX) {
        rows.push({ kind: 'cut', prefix: `${c}\\-`, at: item.fn });
        cuts.push(item.fn);
        return;
      }
      rows.push(...rowsOf(below, (j, m) => `${c}${j === m - 1 ? '\\-' : '+-'}`, (j, m) => `${c}${j === m - 1 ? '   ' : '|  '}`));
    });
    return rows;
  };

  /** One root: `-[label]-+-first` and its siblings below, as lspci -t draws a root bus. */
  const rootRows = (label: string, list: readonly PciFunction[]): Row[] => {
    const head = `-[${label}]-`;
    const pad = ' '.repeat(head.length);
    return rowsOf(
      list,
      (i, n) => (i === 0 ? `${head}${n === 1 ? '--' : '+-'}` : `${pad}${i === n - 1 ? '\\-' : '+-'}`),
      (i, n) => `${pad}${i === n - 1 ? '   ' : '|  '}`,
    );
  };

  const rows: Row[] = [];
  if (roots.length === 1) rows.push(...rootRows(roots[0]![0], roots[0]![1]));
  else {
    // Several root buses: lspci -t joins them as "-+-[0000:00]-", " +-[0000:20]-", " \-[0000:40]-",
    // with " |" carrying the join down the first two columns.
    roots.forEach(([bus, list], k) => {
      const last = k === roots.length - 1;
      rootRows(bus, list).forEach((row, i) => {
        const outer = i === 0 ? (k === 0 ? '-+' : last ? ' \\' : ' +') : last ? '  ' : ' |';
        rows.push(row.kind === 'blank' ? row : { ...row, prefix: `${outer}${row.prefix}` });
      });
    });
  }
  // Subtrees cut for width, each drawn as a tree of its own; they may be cut again.
  for (let k = 0; k < cuts.length; k++) {
    const at = cuts[k]!;
    rows.push({ kind: 'blank' }, ...rootRows(shortBdf(at.bdf), children.get(at.bdf)!));
  }
  return rows;
}

/** What a run's second line says: "64 VFs of 03:00.0: Ethernet VF 0-63". */
function runNote(fns: readonly PciFunction[]): string {
  const pf = fns[0]!.physfn;
  return `${fns.length} ${pf === undefined ? 'functions' : `VFs of ${shortBdf(pf)}`}: ${shortName(runName(fns))}`;
}

function runRange(fns: readonly PciFunction[]): string {
  return `${shortBdf(fns[0]!.bdf)}-${shortBdf(fns[fns.length - 1]!.bdf)}`;
}

function groupText(facts: readonly FunctionFacts[]): string {
  const ids = facts.map((f) => f.group).filter((g): g is number => g !== null);
  if (ids.length === 0) return '-';
  const first = ids[0]!;
  const last = ids[ids.length - 1]!;
  return first === last ? `g${first}` : `g${first}-${last}`;
}

function driverText(f: FunctionFacts): string {
  return clip(`${f.culprit ? '!' : ''}${f.driver === null ? '-' : ascii(f.driver)}`, DRIVER_WIDTH);
}

/** The tree as lines of at most 72 columns: address, group, driver, name in aligned columns. */
export function topologyTreeLines(input: TreeInput): string[] {
  const rows = treeRows(input);
  const left = (r: Row) => (r.kind === 'fn' ? `${r.prefix}${shortBdf(r.fn.bdf)}` : '');
  const fnRows = rows.filter((r): r is Extract<Row, { kind: 'fn' }> => r.kind === 'fn');
  const col = Math.max(0, ...fnRows.map((r) => left(r).length));
  const groupWidth = Math.max(1, ...fnRows.map((r) => groupText([input.facts(r.fn)]).length));
  const driverWidth = Math.max(1, ...fnRows.map((r) => driverText(input.facts(r.fn)).length));
  return rows.flatMap((r) => {
    switch (r.kind) {
      case 'blank':
        return [''];
      case 'cut':
        return [`${r.prefix}[${shortBdf(r.at.bdf)}] continues below`];
      case 'fn': {
        const f = input.facts(r.fn);
        const head = `${left(r).padEnd(col)}  ${groupText([f]).padEnd(groupWidth)} ${driverText(f).padEnd(driverWidth)} `;
        return [head + clip(shortName(r.fn.name), MAIL_WIDTH - head.length)];
      }
      case 'run': {
        const facts = r.fns.map(input.facts);
        // The second line starts under the range, the tree's own bars kept to its left.
        const note = r.cont.slice(0, r.prefix.length).padEnd(r.prefix.length);
        return [
          `${`${r.prefix}${runRange(r.fns)}`.padEnd(col)}  ${groupText(facts)} ${driverText(facts[0]!)}`,
          note + clip(runNote(r.fns), MAIL_WIDTH - note.length),
        ];
      }
    }
  });
}

/** What the tree shows of each function in a machine state: its group, driver and viability mark. */
export function functionFacts(s: MachineState): (fn: PciFunction) => FunctionFacts {
  const culprits = new Set<Bdf>();
  for (const g of s.static.grouping.groups) for (const c of viability(s, g.id).culprits) culprits.add(c.bdf);
  return (fn) => {
    const group = s.static.grouping.groupOf.get(fn.bdf);
    return { group: group ?? null, driver: driverOf(s, fn.bdf), culprit: culprits.has(fn.bdf) };
  };
}
