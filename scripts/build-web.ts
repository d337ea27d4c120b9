import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compressAssets } from './compress-assets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/shared', 'package-lock.json'];
const MANIFEST = join(root, 'web/dist/.vite/manifest.json');

/** The newest modification time under a file or folder (0 when it does not exist). */
function newestTime(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestTime(join(path, name))),
    stats.mtimeMs,
  );
}

/** True when web/dist is missing or older than any web source. */
export function isWebBuildStale(): boolean {
  const built = newestTime(MANIFEST);
  return built === 0 || SOURCES.some((source) => newestTime(join(root, source)) > built);
}

/** Builds the web app into web/dist with Vite and compresses it, unless it is up to date (`force` builds anyway). */
export async function buildWeb({ force = false } = {}): Promise<boolean> {
  if (!force && !isWebBuildStale()) return false;
  const { build } = await import('vite');
  // Vite takes NODE_ENV from the caller (vitest sets `test`), which would bundle React's development build.
  const callerEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (callerEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callerEnv;
  }
  compressAssets(join(root, 'web/dist'));
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const force = process.argv.includes('--force');
  const started = Date.now();
  const built = await buildWeb({ force });
  console.log(
    built ? `web app built in ${((Date.now() - started) / 1000).toFixed(1)} s` : 'web app is up to date',
  );
}
