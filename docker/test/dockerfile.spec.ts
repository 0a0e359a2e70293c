import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
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
    expect(stages.map((s) => [s.name, s.image])).toEqual([
      ['build', 'node:24-bookworm-slim'],
      ['prod-deps', 'node:24-bookworm-slim'],
      ['runtime', 'node:24-bookworm-slim'],
    ]);
    const build = stage(stages, 'build');
    const runs = build.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs).toEqual(['npm ci --ignore-scripts --no-audit --no-fund', 'npx nx run-many -t build -p api admin --output-style=static']);
    const deps = stage(stages, 'prod-deps').instructions.filter((i) => i.keyword === 'RUN');
    expect(deps.map((i) => i.args)).toEqual(['npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund']);
  });

  it('the runtime stage: production mode, non-root by number, port 3000, health check on /api/health, tini, main.js', () => {
    const runtime = stage(stages, 'runtime');
    const one = (keyword: string) => {
      const found = runtime.instructions.filter((i) => i.keyword === keyword);
      expect({ keyword, count: found.length }).toEqual({ keyword, count: 1 });
      return found[0].args;
    };
    expect(stageEnv(runtime)).toMatchObject({ NODE_ENV: 'production', PORT: '3000' });
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
        'data',
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
    const content = readFileSync(join(WORKSPACE_ROOT, file), 'utf8');
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
