// html-to-image writes every computed style of every element into the SVG, custom properties
// included. Those (Tailwind's --tw-*) only feed var() in other properties, whose computed values
// are already written out, so they can go: about 40% of the file.
export function withoutCustomProperties(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  // A document the parser could not read is left as html-to-image made it.
  if (doc.querySelector('parsererror')) return svg;
  for (const el of doc.querySelectorAll<HTMLElement | SVGElement>('[style]')) {
    const style = el.style;
    const custom: string[] = [];
    for (let i = 0; i < style.length; i++) if (style[i]!.startsWith('--')) custom.push(style[i]!);
    for (const name of custom) style.removeProperty(name);
  }
  return new XMLSerializer().serializeToString(doc);
}
