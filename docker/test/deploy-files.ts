import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The repository root and the deployment files these checks read. */
export const WORKSPACE_ROOT = resolve(__dirname, '../..');
export const DOCKER_DIR = resolve(__dirname, '..');
export const K8S_DIR = join(DOCKER_DIR, 'k8s');
export const DOCKERFILE = join(DOCKER_DIR, 'api.Dockerfile');
export const COMPOSE_FILE = join(DOCKER_DIR, 'compose.yml');
export const ENV_EXAMPLE = join(DOCKER_DIR, '.env.example');

export type Json = Record<string, unknown>;

/** Every YAML document of a file as plain data (merge keys `<<:` resolved, as Compose does). Throws on a YAML error. */
export function readYamlDocuments(path: string): Json[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'), { merge: true });
  if (!Array.isArray(docs)) return [];
  return docs.map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as Json;
  });
}

export interface K8sManifest {
  file: string;
  index: number;
  apiVersion: string;
  kind: string;
  name: string;
  body: Json;
}

/** The Kubernetes objects under docker/k8s (kustomization.yaml is Kustomize's own file, not an object). */
export function k8sManifests(): K8sManifest[] {
  return readdirSync(K8S_DIR)
    .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
    .sort()
    .flatMap((file) =>
      readYamlDocuments(join(K8S_DIR, file)).map((body, index) => ({
        file,
        index,
        apiVersion: String(body['apiVersion']),
        kind: String(body['kind']),
        name: String((body['metadata'] as Json | undefined)?.['name']),
        body,
      })),
    );
}

/** Variables the API reads, from the README's Configuration table (the documented contract). */
export function documentedConfigVariables(): Set<string> {
  const readme = readFileSync(join(WORKSPACE_ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  const names = new Set<string>();
  for (const row of section.split('\n').filter((l) => l.startsWith('| `'))) {
    for (const m of row.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)) names.add(m[1]);
  }
  return names;
}

export interface DockerInstruction {
  /** Upper-case keyword: FROM, RUN, COPY, … */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  args: string;
  line: number;
}

export interface DockerStage {
  name: string;
  image: string;
  instructions: DockerInstruction[];
}

/** A small Dockerfile reader: instructions per stage, comments dropped, `\` continuations joined. */
export function parseDockerfile(text: string): DockerStage[] {
  const stages: DockerStage[] = [];
  let pending = '';
  let pendingLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (pending === '') pendingLine = i + 1;
    if (line.endsWith('\\')) {
      pending += line.slice(0, -1).trim() + ' ';
      return;
    }
    const whole = (pending + line).trim();
    pending = '';
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(whole) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args, line: pendingLine };
    if (instruction.keyword === 'FROM') {
      const [, image, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ name: name ?? String(stages.length), image, instructions: [] });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    }
  });
  return stages;
}

export function stage(stages: DockerStage[], name: string): DockerStage {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`docker/api.Dockerfile has no stage "${name}"`);
  return found;
}

/** Arguments of `CMD ["a", "b"]` / `ENTRYPOINT [...]` (exec form only: no shell in between). */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not an exec form: ${args}`);
  return parsed;
}

/** `ENV A=1 B=2` lines of a stage, merged. */
export function stageEnv(s: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of s.instructions.filter((x) => x.keyword === 'ENV')) {
    for (const m of i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S*)/g)) env[m[1]] = m[2].replace(/^"|"$/g, '');
  }
  return env;
}

/** The last WORKDIR of a stage. */
export function stageWorkdir(s: DockerStage): string {
  const workdirs = s.instructions.filter((i) => i.keyword === 'WORKDIR');
  if (workdirs.length === 0) throw new Error(`stage ${s.name} has no WORKDIR`);
  return workdirs[workdirs.length - 1].args;
}

export interface DockerCopy {
  from?: string;
  sources: string[];
  destination: string;
}

export function stageCopies(s: DockerStage): DockerCopy[] {
  return s.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const words = i.args.split(/\s+/);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
    });
}
