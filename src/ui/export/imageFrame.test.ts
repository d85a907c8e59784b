import { describe, expect, it } from 'vitest';
import { exportFileName, slug } from './fileName.ts';
import { IMAGE_MARGIN, imageFrame, unionOf } from './imageFrame.ts';

describe('image frame', () => {
  it('draws a graph at its own size with the margin around it', () => {
    const f = imageFrame({ x: -100, y: 40, width: 800, height: 500 }, 2);
    expect(f).toEqual({ width: 800 + 2 * IMAGE_MARGIN, height: 500 + 2 * IMAGE_MARGIN, zoom: 1, transform: `translate(${IMAGE_MARGIN + 100}px, ${IMAGE_MARGIN - 40}px) scale(1)` });
  });

  it('scales a huge graph down to what a canvas can hold at twice the pixels', () => {
    const f = imageFrame({ x: 0, y: 0, width: 40_000, height: 9_000 }, 2);
    expect(f.zoom).toBeLessThan(1);
    expect(f.width * 2).toBeLessThanOrEqual(16_000 + 2 * 2 * IMAGE_MARGIN);
    expect(f.width * f.height * 4).toBeLessThanOrEqual(130_000_000);
  });

  it('unites rectangles', () => {
    expect(unionOf([])).toBeNull();
    expect(unionOf([{ x: 0, y: 10, width: 5, height: 5 }, { x: -3, y: 0, width: 2, height: 2 }])).toEqual({ x: -3, y: 0, width: 8, height: 15 });
  });
});

describe('file names', () => {
  it('are the scenario and the local day, safe in a shell', () => {
    expect(exportFileName('gpu-audio-nvme', 'png', new Date(2026, 10, 4, 23, 59))).toBe('gpu-audio-nvme-2026-11-04.png');
    expect(exportFileName('Imported: lspci <b>"x"</b> ./../etc', 'json', new Date(2026, 0, 1))).toBe('imported-lspci-b-x-b-etc-2026-01-01.json');
    expect(exportFileName('日本', 'svg', new Date(2026, 0, 1))).toBe('scenario-2026-01-01.svg');
    expect(slug('a'.repeat(60))).toHaveLength(48);
  });
});
