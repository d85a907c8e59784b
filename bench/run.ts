// `npm run bench [-- --quick]`: the performance figures as one JSON object on standard output
// (medians of several runs); progress goes to standard error. --quick runs only the figures
// measured in Node; without it the browser figures follow (bench/ui.ts), each with its yardstick.
import { cpus, loadavg } from 'node:os';
import { bundledNodeFigures } from './nodeBundle.ts';

const quick = process.argv.includes('--quick');
const load = () => loadavg()[0]!.toFixed(1);
const figures: Record<string, unknown> = {
  machine: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown CPU'}, ${process.platform} ${process.arch}, Node ${process.version}`,
  loadAverageAtStart: Number(load()),
  ...(await bundledNodeFigures()),
};
// The browser bench loads Vite and Playwright: only when asked for.
if (!quick) Object.assign(figures, await (await import('./ui.ts')).uiFigures());
figures.loadAverageAtEnd = Number(load());
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
