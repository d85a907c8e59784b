// `npm test`: type check, lint, unit tests, end-to-end tests, then one closing line that counts
// every test run ("total: N passed, N failed").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'ioasid-explorer-test-'));
const unitJson = join(work, 'unit.json');
const e2eJson = join(work, 'e2e.json');

function stage(name, cmd, args, env = process.env) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return r.status === 0;
}

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0 };
  }
}

const typecheck = stage('type check', 'node_modules/.bin/tsc', ['--noEmit', '-p', 'tsconfig.json']);
const lint = stage('lint', 'node_modules/.bin/eslint', ['.', '--max-warnings', '0']);
const unitOk = stage('unit tests', 'node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`]);
const e2eOk = stage('end-to-end tests', 'node', ['scripts/run-e2e.mjs'], { ...process.env, PW_JSON_OUTPUT: e2eJson });

const unit = counts(unitJson, (j) => ({ passed: j.numPassedTests, failed: j.numFailedTests }));
const e2e = counts(e2eJson, (j) => ({ passed: j.stats.expected, failed: j.stats.unexpected + j.stats.flaky }));
// A stage that failed without a failing test (type errors, lint, a runner that crashed) counts as one failure.
const silentFailures = [typecheck, lint, unitOk || unit.failed > 0, e2eOk || e2e.failed > 0].filter((s) => !s).length;
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; e2e: ${e2e.passed} passed, ${e2e.failed} failed`);
console.log(`total: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed + silentFailures} failed`);
process.exit(typecheck && lint && unitOk && e2eOk ? 0 : 1);
