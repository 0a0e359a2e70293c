import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The files the browser loads before the app starts: the scripts, module preloads and stylesheets
 * that index.html names. Lazy chunks are not among them.
 */
export function initialFiles(browserDir: string): string[] {
  const html = readFileSync(join(browserDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return [...new Set(refs)];
}

/** Each initial file's size after gzip -9, in bytes. */
export function gzipSizes(browserDir: string): Record<string, number> {
  return Object.fromEntries(
    initialFiles(browserDir).map((file) => [file, gzipSync(readFileSync(join(browserDir, file)), { level: 9 }).length]),
  );
}
