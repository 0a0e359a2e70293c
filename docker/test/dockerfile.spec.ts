import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { run as dockerfilelint } from 'dockerfilelint';
import {
  DOCKERFILE,
  DOCKER_DIR,
  WORKSPACE_ROOT,
  execForm,
  parseDockerfile,
  stage,
  stageCopies,
  stageEnv,
  stageWorkdir,
} from './deploy-files';
import { repositoryFiles, scanRepository, secretFindings } from './repository-secrets';

const text = readFileSync(DOCKERFILE, 'utf8');
const stages = parseDockerfile(text);

describe('docker/api.Dockerfile', () => {
  it('passes dockerfilelint with no issue', () => {
    expect(dockerfilelint(DOCKER_DIR, text)).toEqual([]);
    // The linter does find issues: an untagged base image and a sudo.
    const bad = dockerfilelint(DOCKER_DIR, 'FROM node\nRUN sudo apt-get install -y curl\nCMD ["node"]\n').map((i) => i.title);
    expect(bad).toEqual(expect.arrayContaining(['Base Image Missing Tag', 'Use Of sudo Is Not Allowed']));
  });

  it('builds in one stage, installs production dependencies in another, and runs from a third on the same base image', () => {
    // By tag, or pinned to a digest (see the comment above the stages): the same reference in all three.
    expect(stages.map((s) => s.name)).toEqual(['build', 'prod-deps', 'runtime']);
    expect(new Set(stages.map((s) => s.image)).size).toBe(1);
    expect(stages[0].image).toMatch(/^node:24-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    const build = stage(stages, 'build');
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs).toEqual(['npm ci --ignore-scripts --no-audit --no-fund', 'npx nx run-many -t build -p api admin --output-style=static']);
    const deps = stage(stages, 'prod-deps').instructions.filter((i) => i.keyword === 'RUN');
    expect(deps.map((i) => i.args)).toEqual(['npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund']);
  });

  it('says truthfully whether the base image is pinned by digest, and how to pin it', () => {
    const pinned = stages.every((s) => s.image.includes('@sha256:'));
    const comments = text
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    expect({ pinned, saysNotPinned: /The tag is not pinned/.test(comments) }).toEqual({ pinned, saysNotPinned: !pinned });
    expect(comments).toContain('docker buildx imagetools inspect node:24-bookworm-slim');
    expect(comments).toContain('FROM node:24-bookworm-slim@sha256:<that digest>');
  });

  it('the runtime stage: production mode, non-root by number, port 3000, health check on /api/health, tini, main.js', () => {
    const runtime = stage(stages, 'runtime');
    const one = (keyword: string) => {
      const found = runtime.instructions.filter((i) => i.keyword === keyword);
      expect({ keyword, count: found.length }).toEqual({ keyword, count: 1 });
      return found[0].args;
    };
    expect(stageEnv(runtime)).toMatchObject({ NODE_ENV: 'production', PORT: '3000', NODE_OPTIONS: '--max-semi-space-size=8' });
    expect(one('USER')).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(one('EXPOSE')).toBe('3000');
    expect(one('HEALTHCHECK')).toMatch(/^--interval=\S+ --timeout=\S+ --retries=\d+ CMD \[/);
    const healthcheck = execForm(one('HEALTHCHECK').replace(/^.*?CMD /, ''));
    expect(healthcheck.slice(0, 2)).toEqual(['node', '-e']);
    expect(healthcheck[2]).toContain("'/api/health'");
    expect(execForm(one('ENTRYPOINT'))).toEqual(['/usr/bin/tini', '--']);
    expect(one('RUN')).toContain('apt-get install -y --no-install-recommends tini');
    expect(execForm(one('CMD'))).toEqual(['node', 'dist/apps/api/main.js']);
  });

  it('puts the admin app where the API looks for it: ../admin/browser from main.js (DEFAULT_ADMIN_DIR)', () => {
    const runtime = stage(stages, 'runtime');
    const workdir = stageWorkdir(runtime);
    const copies = stageCopies(runtime).map((c) => `${c.from} ${c.sources.join(' ')} -> ${join(workdir, c.destination)}`);
    expect(copies).toEqual([
      'prod-deps /app/dist/apps/api/node_modules -> /app/dist/apps/api/node_modules',
      'build /src/dist/apps/api -> /app/dist/apps/api',
      'build /src/dist/apps/admin/browser -> /app/dist/apps/admin/browser',
    ]);
    const appModule = readFileSync(join(WORKSPACE_ROOT, 'apps/api/src/app.module.ts'), 'utf8');
    expect(appModule).toContain("export const DEFAULT_ADMIN_DIR = join(__dirname, '..', 'admin', 'browser');");
  });
});

describe('.dockerignore', () => {
  const patterns = readFileSync(join(WORKSPACE_ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));

  it('keeps dependencies, builds, local data, git, env files and keys out of the build context', () => {
    expect(patterns).toEqual(
      expect.arrayContaining([
        '**/node_modules',
        'dist',
        '**/data',
        '.git',
        '.nx',
        'coverage',
        '**/.env',
        '**/.env.*',
        '**/*.pem',
        '**/*.key',
      ]),
    );
  });

  it('keeps everything the build stage needs', () => {
    const needed = [
      'package.json',
      'package-lock.json',
      'nx.json',
      'tsconfig.base.json',
      'apps',
      'libs',
      'jest.preset.js',
      'eslint.config.mjs',
    ];
    const excluded = needed.filter((path) => patterns.some((p) => p === path || p === `/${path}` || p === `**/${path}`));
    expect(excluded).toEqual([]);
    // `**/data` (and .gitignore's `data/`) leave out every folder named data: none holds a source file.
    expect(repositoryFiles(WORKSPACE_ROOT).filter((f) => f.split('/').slice(0, -1).includes('data'))).toEqual([]);
  });
});

describe('.gitignore', () => {
  const ignored = (path: string) => spawnSync('git', ['check-ignore', '-q', '--no-index', path], { cwd: WORKSPACE_ROOT }).status === 0;

  it('ignores a data folder (DATA_DIR: embedded PostgreSQL, development key) at any depth, and not the sources', () => {
    expect(
      ['apps/api/data/encryption.key', 'data/postgres/PG_VERSION', 'docker/data/encryption.key', 'tmp/x'].filter((p) => !ignored(p)),
    ).toEqual([]);
    expect(['apps/api/src/main.ts', 'libs/admin/users/data-access/src/index.ts', 'docker/.env.example'].filter(ignored)).toEqual([]);
  });
});

describe('no secret is committed under docker/', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const deployFiles = files(DOCKER_DIR).filter((f) => !f.includes(`${join(DOCKER_DIR, 'test')}`));

  it.each(deployFiles.map((f) => relative(WORKSPACE_ROOT, f)))('%s has no key, token or long random string', (file) => {
    // An image digest (FROM …@sha256:…) is public, not a secret.
    const content = readFileSync(join(WORKSPACE_ROOT, file), 'utf8').replace(/@sha256:[0-9a-f]{64}\b/g, '@sha256:<digest>');
    expect(content).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
    expect(content).not.toMatch(/\biak_[A-Za-z0-9]{20,}/); // application access tokens
    expect(content.match(/\b[0-9a-fA-F]{32,}\b/g) ?? []).toEqual([]);
    const randomLooking = (content.match(/[A-Za-z0-9+/_-]{40,}={0,2}/g) ?? []).filter((s) => /\d/.test(s) && /[A-Za-z]/.test(s));
    expect(randomLooking).toEqual([]);
    // A password in a postgres:// URL is a placeholder or a ${…} reference.
    for (const [, password] of content.matchAll(/postgres(?:ql)?:\/\/[^:\s/]+:([^@\n]+)@/g)) {
      expect(password).toMatch(/^(CHANGE-ME|<password>|\$\{POSTGRES_PASSWORD[^}]*\})$/);
    }
  });
});

describe('no secret is committed anywhere in the repository', () => {
  const hex = 'ab'.repeat(32);
  // Built here, so that this file holds none of them literally.
  const pem = ['-----BEGIN', 'PRIVATE KEY-----'].join(' ');
  const token = `iak_${'Zx9'.repeat(16)}q`;

  it('finds key files, PEM blocks, iak_ tokens and 64-hex keys; allows hex keys in test fixtures; skips binary files', () => {
    const scan = (file: string, text: string | Buffer) => secretFindings(file, Buffer.from(text)).map((f) => `${f.line}: ${f.what}`);
    expect(scan('apps/api/data/encryption.key', `${hex}\n`)).toEqual(['0: a key or secrets file by its name', '1: a 64-hex-digit key']);
    expect(scan('docker/.env', 'JWT_SECRET=x\n')).toEqual(['0: a key or secrets file by its name']);
    expect(scan('certs/tls.pem', 'x')).toEqual(['0: a key or secrets file by its name']);
    expect(scan('apps/api/src/keys.ts', `const a = 1;\nconst k = '${pem}';\n`)).toEqual(['2: a PEM private key block']);
    expect(scan('README.md', `curl -H "Authorization: Bearer ${token}"`)).toEqual(['1: an application access token (iak_…)']);
    expect(scan('apps/api/src/config.ts', `ENCRYPTION_KEY=${hex}`)).toEqual(['1: a 64-hex-digit key']);
    expect(scan('docs/x.patch', `+++ b/apps/api/data/encryption.key\n+${hex}\n`)).toEqual([
      '1: a patch that adds the key file apps/api/data/encryption.key',
      '2: a 64-hex-digit key',
    ]);
    // Not findings: a test's fixed key, a 65-digit run, the env template, a token prefix, a binary file.
    expect(scan('apps/api/test/http-app.ts', `ENCRYPTION_KEY: '${hex}'`)).toEqual([]);
    expect(scan('apps/api/src/a.spec.ts', `'${hex}'`)).toEqual([]);
    expect(scan('apps/api/src/b.ts', `${hex}f`)).toEqual([]);
    expect(scan('docker/.env.example', 'ENCRYPTION_KEY=\n')).toEqual([]);
    expect(scan('docs/tokens.md', 'iak_ABCD… (prefix)')).toEqual([]);
    expect(scan('docker/api.Dockerfile', `FROM node:24-bookworm-slim@sha256:${hex} AS build`)).toEqual([]);
    expect(scan('apps/admin/public/favicon.ico', Buffer.concat([Buffer.from([0, 0, 1, 0]), Buffer.from(hex)]))).toEqual([]);
  });

  it('reads what git ls-files lists, tracked and untracked, including a force-added ignored key file', () => {
    const root = mkdtempSync(join(tmpdir(), 'interakt-secret-scan-'));
    try {
      const put = (file: string, text: string) => {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      };
      execFileSync('git', ['init', '-q'], { cwd: root });
      put('.gitignore', 'data/\n');
      put('src/app.ts', 'export const clean = true;\n');
      put('apps/api/data/encryption.key', `${hex}\n`); // ignored: not listed…
      put('package-lock.json', `{"integrity": "${hex}"}`); // skipped
      expect(scanRepository(root).findings).toEqual([]);
      execFileSync('git', ['add', '-f', 'apps/api/data/encryption.key'], { cwd: root }); // …unless committed anyway
      put('src/leak.ts', `export const key = '${hex}';\n`); // untracked, not ignored
      const { files, findings } = scanRepository(root);
      expect(files).toEqual(['.gitignore', 'apps/api/data/encryption.key', 'src/app.ts', 'src/leak.ts']);
      expect(findings).toEqual([
        { file: 'apps/api/data/encryption.key', line: 0, what: 'a key or secrets file by its name' },
        { file: 'apps/api/data/encryption.key', line: 1, what: 'a 64-hex-digit key' },
        { file: 'src/leak.ts', line: 1, what: 'a 64-hex-digit key' },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('holds no key file, PEM block, iak_ token or 64-hex key outside the test fixtures', () => {
    const { files, findings } = scanRepository(WORKSPACE_ROOT);
    // The scan read the repository, not an empty list.
    expect(files.length).toBeGreaterThan(200);
    expect(files).toEqual(
      expect.arrayContaining(['package.json', 'apps/api/src/main.ts', 'docker/api.Dockerfile', 'docs/architecture.md']),
    );
    expect(files).not.toContain('apps/api/data/encryption.key');
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.what}`)).toEqual([]);
  });
});
