// The entry of the Node figures' bundle (nodeBundle.ts): prints them as JSON on standard output.
// Its one argument is the repository's root, where the scenario files are.
import { nodeFigures } from './node.ts';

const repo = process.argv[2];
if (!repo) throw new Error('usage: node nodeMain.js <repository root>');
process.stdout.write(JSON.stringify(nodeFigures(repo)));
