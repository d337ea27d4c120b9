import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './child-server.js';

/** One target of a benchmark, with what was measured against it. */
export interface TargetCheck {
  metric: string;
  value: string;
  target: string;
  met: boolean;
}

/** Writes `bench/results/<name>.json` and `.md`, and prints each target met or missed. */
export function writeCheckedResults(
  name: string,
  results: { checks: TargetCheck[] },
  markdown: string,
): void {
  const directory = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(directory, `${name}.md`), markdown);
  console.log('');
  for (const check of results.checks)
    console.log(`${check.met ? 'met ' : 'MISS'}  ${check.metric}: ${check.value} (target ${check.target})`);
}
