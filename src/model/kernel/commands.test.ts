// The written-out table of arguments must say what the schema says, op by op and in order.
import { describe, expect, it } from 'vitest';
import { ARGUMENTS_OF, commandSchemas, OPS } from './commands.ts';

describe('the command vocabulary', () => {
  it('lists every op of the schema with the arguments its schema takes, in schema order', () => {
    const fromSchema = commandSchemas().map((o) => [o.shape.op.value, Object.keys(o.shape).filter((k) => k !== 'op')]);
    expect([...ARGUMENTS_OF]).toEqual(fromSchema);
    expect(OPS).toEqual(fromSchema.map(([op]) => op));
  });
});
