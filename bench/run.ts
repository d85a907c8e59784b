// `npm run bench [-- --quick]`: the performance figures as one JSON object on standard output
// (medians of several runs). --quick runs only the figures measured in Node.
import { nodeFigures } from './node.ts';

const figures: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, Node ${process.version}`, ...nodeFigures() };
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
