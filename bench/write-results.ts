import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './bench-results.js';
import { REPO_ROOT } from './child-server.js';
import { renderMarkdown } from './markdown-report.js';

const sizeLabel = (n: number) =>
  n % 1_000_000 === 0 ? `${n / 1_000_000}m` : n % 1000 === 0 ? `${n / 1000}k` : String(n);

/** Writes latest.json and latest.md, and a dated copy of both; returns the dated markdown path. */
export function writeResults(results: BenchResults): string {
  const directory = path.join(REPO_ROOT, 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const markdown = renderMarkdown(results);
  const { db, contacts, workers } = results.options;
  const dated = `${results.startedAt.slice(0, 10)}-${db}-${sizeLabel(contacts)}${workers > 1 ? `-${workers}-workers` : ''}`;
  for (const name of ['latest', dated]) {
    writeFileSync(path.join(directory, `${name}.json`), json);
    writeFileSync(path.join(directory, `${name}.md`), markdown);
  }
  return path.join(directory, `${dated}.md`);
}
