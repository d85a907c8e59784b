// Boxes joined by arrows in the manner of the kernel's Documentation/userspace-api/iommufd.rst:
// a number in brackets above each box that a legend below explains, underscores and bars for the
// boxes, "<---" arrows from a box to the one it depends on. Three columns (domain, group, device
// fd); a box fans out to several boxes in the next column through a "+" junction:
//
//          [1]                  [2]                   [3]
//    _________________     ______________     ______________________
//   |     IOAS        |   |   group 1    |   |    DEVICE fd 6       |
//   |     "a1"        |<+-|    viable    |<--|   01:00.0 "d1"       |
//   |_________________| | |______________|   |______________________|
//
// Drawn on a character grid of the mail width, so nothing can stick out whatever the labels say.
import { clip, MAIL_WIDTH } from './plainText.ts';

export interface Box {
  /** Legend number, shown as [n] above the box. */
  number: number;
  /** Two short lines; clipped to the box. */
  label: [string, string];
}

/** A box and the boxes in the next column that point at it. */
export interface BoxTree {
  box: Box;
  children: BoxTree[];
}

/** Inner widths of the three columns; with the arrows they fill 70 of the 72 columns. */
const WIDTHS = [17, 14, 20] as const;
const ARROW = 6;
/** Lines per box: number, top, two labels, bottom. */
const BOX_HEIGHT = 5;

class Grid {
  private readonly cells: string[][] = [];

  put(x: number, y: number, text: string): void {
    while (this.cells.length <= y) this.cells.push([]);
    const row = this.cells[y]!;
    for (let i = 0; i < text.length && x + i < MAIL_WIDTH; i++) {
      while (row.length < x + i) row.push(' ');
      row[x + i] = text[i]!;
    }
  }

  lines(): string[] {
    return this.cells.map((r) => r.join('').trimEnd());
  }
}

const centre = (text: string, width: number) => {
  const t = clip(text, width);
  const left = Math.floor((width - t.length) / 2);
  return `${' '.repeat(left)}${t}`.padEnd(width);
};

function columnX(column: number): number {
  let x = 1;
  for (let c = 0; c < column; c++) x += WIDTHS[c]! + 2 + ARROW;
  return x;
}

function drawBox(grid: Grid, column: number, y: number, box: Box): void {
  const x = columnX(column);
  const w = WIDTHS[column]!;
  grid.put(x + 1, y, centre(`[${box.number}]`, w));
  grid.put(x + 1, y + 1, '_'.repeat(w));
  grid.put(x, y + 2, `|${centre(box.label[0], w)}|`);
  grid.put(x, y + 3, `|${centre(box.label[1], w)}|`);
  grid.put(x, y + 4, `|${'_'.repeat(w)}|`);
}

/** Lines a tree takes: each leaf one box height; a box as tall as its children. */
function height(t: BoxTree): number {
  return t.children.length === 0 ? BOX_HEIGHT : t.children.reduce((h, c) => h + height(c), 0);
}

/** Draws `t` in `column` at line `y` and its children in the next column, arrows pointing back. */
function drawTree(grid: Grid, t: BoxTree, column: number, y: number): void {
  drawBox(grid, column, y, t.box);
  if (t.children.length === 0) return;
  const from = columnX(column) + WIDTHS[column]! + 2; // first column right of the box
  const junction = from + 1;
  let childY = y;
  let lastArrow = y + 3;
  t.children.forEach((child, i) => {
    const arrowY = childY + 3;
    if (i === 0) grid.put(from, arrowY, t.children.length === 1 ? `<${'-'.repeat(ARROW - 1)}` : `<+${'-'.repeat(ARROW - 2)}`);
    else {
      for (let v = lastArrow + 1; v < arrowY; v++) grid.put(junction, v, '|');
      grid.put(junction, arrowY, `+${'-'.repeat(ARROW - 2)}`);
    }
    lastArrow = arrowY;
    drawTree(grid, child, column + 1, childY);
    childY += height(child);
  });
}

/** The diagram of one tree (a domain with its groups and their device fds). */
export function boxDiagram(tree: BoxTree): string[] {
  const grid = new Grid();
  drawTree(grid, tree, 0, 0);
  return grid.lines();
}
