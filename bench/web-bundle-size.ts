import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './child-server.js';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** JavaScript a route needs before it can render: the entry, the route's chunk, and their static imports. */
export interface RouteBundle {
  files: string[];
  rawKB: number;
  gzipKB: number;
}

const DIST = path.join(REPO_ROOT, 'web', 'dist');
const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Sums the JavaScript the entry and a route module (by source path; its own chunk when lazy) load, from Vite's manifest. */
export function measureRouteBundle(routeSource: string): RouteBundle {
  const manifest = JSON.parse(readFileSync(path.join(DIST, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the Vite manifest has no entry');
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  visit(routeSource);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(DIST, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: [...files], rawKB: kb(raw), gzipKB: kb(gzip) };
}
