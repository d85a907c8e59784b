// Untrusted text (issue 10 item 3): device, driver and scenario names that hold markup or script
// come out of the text exports as the same characters, read as text: never dropped, never turned
// into markup. In DOT a name sits only inside quoted label strings (never an HTML label `<...>`),
// so Graphviz shows it as it is.
import { describe, expect, it } from 'vitest';
import { exportScenario, type ExportFormat } from './exportScenario.ts';
import { hostileScenario } from './testing/hostile.ts';
import { dotTokens } from './testing/dotTokens.ts';

const MARKUP = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>'];

function text(name: string, format: ExportFormat): string {
  const r = exportScenario(hostileScenario(name), format);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

describe.each(MARKUP)('the name %s', (name) => {
  it('is in the ASCII picture and the trace character for character', () => {
    expect(text(name, 'ascii')).toContain(name);
    expect(text(name, 'trace')).toContain(name);
  });

  it('is in DOT only inside quoted strings, escaped as DOT needs and otherwise unchanged', () => {
    const dot = text(name, 'dot');
    expect(dot).not.toMatch(/label\s*=\s*</);
    const tokens = dotTokens(dot, true);
    if (typeof tokens === 'string') throw new Error(tokens);
    const strings = tokens.filter((t) => t.kind === 'string').map((t) => t.text);
    const others = tokens.filter((t) => t.kind !== 'string').map((t) => t.text);
    expect(strings.some((s) => s.includes(name))).toBe(true);
    expect(others.join(' ')).not.toMatch(/script|onerror|img/);
  });

  it('round-trips through the scenario file as the same string', () => {
    const json = JSON.parse(text(name, 'json')) as { name: string; topology: { functions: { name: string; driver: string | null }[] } };
    expect(json.name).toBe(name);
    expect(json.topology.functions[0]!.name).toBe(name);
    expect(json.topology.functions.some((f) => f.driver === name)).toBe(true);
  });
});
