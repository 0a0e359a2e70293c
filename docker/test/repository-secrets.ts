import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One thing that looks like a committed secret. */
export interface SecretFinding {
  file: string;
  line: number;
  what: string;
}

/** Files whose name says they hold a key or secrets: `*.key`, `*.pem`, SSH keys, `.env*` (not `.env.example`), credential files. */
const KEY_FILE =
  /(^|\/)([^/]+\.(key|pem|p12|pfx|jks|keystore|ppk)|id_(rsa|dsa|ecdsa|ed25519)|\.env(\.(?!example$)[^/]+)?|[^/]*credentials[^/]*\.json)$/i;
/** Tests may hold fixed keys and digests on purpose (a fixed ENCRYPTION_KEY, a SHA-256 test vector). */
const TEST_FIXTURE = /(^|\/)test\/|\.(int-|e2e-)?spec\.ts$|^apps\/admin-e2e\//;
const PATCH_TARGET = /^\+\+\+ b\/(.+)$/;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
const ACCESS_TOKEN = /\biak_[0-9A-Za-z]{20,}/;
const HEX_KEY = /(^|[^0-9A-Fa-f])[0-9A-Fa-f]{64}(?![0-9A-Fa-f])/;
/** A pinned image (`FROM node:24-bookworm-slim@sha256:…`) names a public digest, not a key. */
const IMAGE_DIGEST = /@sha256:[0-9a-f]{64}(?![0-9a-f])/g;
/** Integrity hashes and registry URLs only; scanning them would find nothing but noise. */
const SKIPPED = new Set(['package-lock.json']);

/** Git's own test: a NUL byte in the first 8000 bytes makes a file binary. */
const isBinary = (content: Buffer) => content.subarray(0, 8000).includes(0);

/** What in one file (path relative to the repository root) looks like a secret; binary files are not read. */
export function secretFindings(file: string, content: Buffer): SecretFinding[] {
  const found: SecretFinding[] = [];
  if (KEY_FILE.test(file)) found.push({ file, line: 0, what: 'a key or secrets file by its name' });
  if (isBinary(content)) return found;
  const fixture = TEST_FIXTURE.test(file);
  content
    .toString('utf8')
    .split('\n')
    .forEach((text, index) => {
      const line = index + 1;
      const target = PATCH_TARGET.exec(text)?.[1];
      if (target && KEY_FILE.test(target)) found.push({ file, line, what: `a patch that adds the key file ${target}` });
      if (PEM_PRIVATE_KEY.test(text)) found.push({ file, line, what: 'a PEM private key block' });
      if (ACCESS_TOKEN.test(text)) found.push({ file, line, what: 'an application access token (iak_…)' });
      if (!fixture && HEX_KEY.test(text.replace(IMAGE_DIGEST, ''))) found.push({ file, line, what: 'a 64-hex-digit key' });
    });
  return found;
}

/**
 * What `git add -A` would commit: every file `git ls-files` lists, tracked or untracked but not
 * ignored, that exists in the working tree.
 */
export function repositoryFiles(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = [...new Set(listed.toString('utf8').split('\0').filter(Boolean))];
  return files
    .filter((f) => {
      try {
        return statSync(join(root, f)).isFile();
      } catch {
        return false; // deleted in the working tree, not yet in the index
      }
    })
    .sort();
}

/** Every finding in the files of a repository, `package-lock.json` left out. */
export function scanRepository(root: string): { files: string[]; findings: SecretFinding[] } {
  const files = repositoryFiles(root).filter((f) => !SKIPPED.has(f.split('/').pop() ?? f));
  return { files, findings: files.flatMap((f) => secretFindings(f, readFileSync(join(root, f)))) };
}
