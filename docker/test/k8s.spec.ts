/**
 * kubernetes-models and its helpers export ES modules under the "import" condition only (the Nx
 * jest preset resolves node, require, default); here only, since e.g. pg-pool's "import" build
 * cannot be required.
 * @jest-environment-options {"customExportConditions": ["node", "require", "import", "default"]}
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  DOCKERFILE,
  K8S_DIR,
  WORKSPACE_ROOT,
  type Json,
  type K8sManifest,
  documentedConfigVariables,
  execForm,
  k8sManifests,
  parseDockerfile,
  stage,
} from './deploy-files';
import { typeCheckManifests } from './k8s-typecheck';

/** A kubernetes-models class: construct with the object, `validate()` throws on a schema violation. */
type ModelClass = new (data: Json) => { validate(): void };

/** The kinds docker/k8s may hold, with the Kubernetes API version each must use. */
const MODELS: Record<string, () => Promise<ModelClass>> = {
  'v1/ConfigMap': async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap as unknown as ModelClass,
  'v1/Secret': async () => (await import('kubernetes-models/v1/Secret')).Secret as unknown as ModelClass,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service as unknown as ModelClass,
  'apps/v1/Deployment': async () => (await import('kubernetes-models/apps/v1/Deployment')).Deployment as unknown as ModelClass,
  'batch/v1/Job': async () => (await import('kubernetes-models/batch/v1/Job')).Job as unknown as ModelClass,
  'autoscaling/v2/HorizontalPodAutoscaler': async () =>
    (await import('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')).HorizontalPodAutoscaler as unknown as ModelClass,
  'policy/v1/PodDisruptionBudget': async () =>
    (await import('kubernetes-models/policy/v1/PodDisruptionBudget')).PodDisruptionBudget as unknown as ModelClass,
};

const SECRET_KEYS = ['DATABASE_URL', 'JWT_SECRET', 'ENCRYPTION_KEY', 'ADMIN_PASSWORD'];

/** Loose views of the parsed YAML, for the product facts below (the schema checks come first). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

function one(manifests: K8sManifest[], kind: string): Any {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found.map((m) => `${m.kind} ${m.name}`)).toHaveLength(1);
  return found[0].body;
}

function validationError(model: ModelClass, body: Json): string | undefined {
  try {
    new model(body).validate();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('Kubernetes manifests (docker/k8s)', () => {
  const manifests = k8sManifests();
  const label = (m: K8sManifest) => `${m.file}#${m.index}`;

  it('are the expected objects, one per file', () => {
    expect(manifests.map((m) => `${m.file}: ${m.apiVersion} ${m.kind} ${m.name}`)).toEqual([
      'configmap.yaml: v1 ConfigMap interakt-admin',
      'deployment.yaml: apps/v1 Deployment interakt-admin-api',
      'hpa.yaml: autoscaling/v2 HorizontalPodAutoscaler interakt-admin-api',
      'migrate-job.yaml: batch/v1 Job interakt-admin-migrate',
      'pdb.yaml: policy/v1 PodDisruptionBudget interakt-admin-api',
      'secret.example.yaml: v1 Secret interakt-admin',
      'service.yaml: v1 Service interakt-admin-api',
    ]);
  });

  it("validate against the Kubernetes schemas (kubernetes-models' validate())", async () => {
    const problems: string[] = [];
    for (const m of manifests) {
      const load = MODELS[`${m.apiVersion}/${m.kind}`];
      if (!load) {
        problems.push(`${label(m)}: no schema for ${m.apiVersion} ${m.kind}`);
        continue;
      }
      const error = validationError(await load(), m.body);
      if (error) problems.push(`${label(m)}: ${error}`);
    }
    expect(problems).toEqual([]);
  });

  it('use no field the Kubernetes API does not have (TypeScript excess-property check)', () => {
    const problems = typeCheckManifests(manifests.map((m) => ({ label: label(m), apiVersion: m.apiVersion, kind: m.kind, body: m.body })));
    expect(problems).toEqual([]);
  }, 60_000);

  it('the checks catch a wrong type, a missing field and a misspelt field', async () => {
    const deployment = manifests.find((m) => m.kind === 'Deployment') as K8sManifest;
    const Deployment = await MODELS['apps/v1/Deployment']();
    const wrongType = structuredClone(deployment.body) as Any;
    wrongType.spec.replicas = 'two';
    expect(validationError(Deployment, wrongType)).toContain('data/spec/replicas must be integer');
    const noSelector = structuredClone(deployment.body) as Any;
    delete noSelector.spec.selector;
    expect(validationError(Deployment, noSelector)).toContain('data/spec must have required property selector');

    const misspelt = structuredClone(deployment.body) as Any;
    misspelt.spec.template.spec.containers[0].readinesProbe = misspelt.spec.template.spec.containers[0].readinessProbe;
    expect(validationError(Deployment, misspelt)).toBeUndefined(); // why the type check exists
    const problems = typeCheckManifests([{ label: 'misspelt', apiVersion: 'apps/v1', kind: 'Deployment', body: misspelt }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^misspelt: "readinesProbe": .*'"readinesProbe"' does not exist in type 'IContainer'/);
  }, 60_000);

  it('kustomization.yaml lists every long-lived object, and neither the example Secret nor the migration Job', () => {
    const kustomization = parse(readFileSync(join(K8S_DIR, 'kustomization.yaml'), 'utf8')) as { kind: string; resources: string[] };
    expect(kustomization.kind).toBe('Kustomization');
    const files = [...new Set(manifests.map((m) => m.file))];
    expect([...kustomization.resources].sort()).toEqual(files.filter((f) => f !== 'secret.example.yaml' && f !== 'migrate-job.yaml'));
  });

  describe('product facts', () => {
    const deployment: Any = one(manifests, 'Deployment');
    const job: Any = one(manifests, 'Job');
    const podLabels = deployment.spec.template.metadata.labels;
    const api = deployment.spec.template.spec.containers[0];
    const runtime = stage(parseDockerfile(readFileSync(DOCKERFILE, 'utf8')), 'runtime');
    const imageCmd = execForm(runtime.instructions.find((i) => i.keyword === 'CMD')?.args ?? '[]');

    it('the API runs at least 2 replicas, rolls without dropping below them, and the HPA never scales under 2', () => {
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
      const hpa: Any = one(manifests, 'HorizontalPodAutoscaler');
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: deployment.metadata.name });
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      expect(api.resources.requests.cpu).toBeDefined(); // the HPA's utilisation is relative to it
    });

    it('the PodDisruptionBudget keeps at least one API pod and selects exactly those pods', () => {
      const pdb: Any = one(manifests, 'PodDisruptionBudget');
      expect(pdb.spec.minAvailable).toBeGreaterThanOrEqual(1);
      expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    });

    it('the selectors match the pod labels, and the Service targets the named container port 3000', () => {
      expect(podLabels).toMatchObject(deployment.spec.selector.matchLabels);
      const service: Any = one(manifests, 'Service');
      expect(podLabels).toMatchObject(service.spec.selector);
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(api.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
      expect(service.spec.ports.map((p: Any) => p.targetPort)).toEqual(['http']);
    });

    it('startup, readiness and liveness probes ask GET /api/health on the API port', () => {
      for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
        expect({ probe, httpGet: api[probe]?.httpGet }).toEqual({ probe, httpGet: { path: '/api/health', port: 'http' } });
        // The health check itself waits up to 1.5 s for the database.
        expect(api[probe].timeoutSeconds).toBeGreaterThanOrEqual(2);
      }
      // Liveness is lenient: a database outage must not restart every replica within a minute.
      expect(api.livenessProbe.periodSeconds * api.livenessProbe.failureThreshold).toBeGreaterThanOrEqual(60);
    });

    it('on termination the pod leaves the Service first (preStop sleep), and the grace period outlasts preStop plus the drain', async () => {
      // Kubernetes' native sleep action: no shell or binary needed in the image.
      expect(api.lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
      // The drain timeout of the API on SIGTERM, as main.ts has it.
      const main = readFileSync(join(WORKSPACE_ROOT, 'apps/api/src/main.ts'), 'utf8');
      const drain = /const DRAIN_TIMEOUT_MS = ([\d_]+);/.exec(main)?.[1];
      expect(drain).toBeDefined();
      const drainSeconds = Number(drain?.replace(/_/g, '')) / 1000;
      expect(drainSeconds).toBe(20);
      const grace = deployment.spec.template.spec.terminationGracePeriodSeconds;
      expect(grace).toBeGreaterThan(api.lifecycle.preStop.sleep.seconds + drainSeconds);
      // The schema knows the sleep action (so validate() above did check it).
      const Deployment = await MODELS['apps/v1/Deployment']();
      const wrong = structuredClone(deployment) as Any;
      wrong.spec.template.spec.containers[0].lifecycle.preStop.sleep.seconds = '5s';
      expect(validationError(Deployment, wrong)).toContain('lifecycle/preStop/sleep/seconds must be integer');
    });

    it("the Deployment does not migrate at start: the Job runs the image's migrate.js first", () => {
      expect(api.env).toEqual([{ name: 'MIGRATE_ON_START', value: 'false' }]);
      const migrate = job.spec.template.spec.containers[0];
      expect(imageCmd).toEqual(['node', 'dist/apps/api/main.js']);
      expect(migrate.command).toEqual(['node', 'dist/apps/api/migrate.js']);
      expect(migrate.image).toBe(api.image);
      expect(migrate.envFrom).toEqual(api.envFrom);
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
      expect(job.spec.backoffLimit).toBeGreaterThanOrEqual(1);
    });

    it.each([
      ['Deployment', () => deployment],
      ['Job', () => job],
    ])('the %s runs as a non-root user, read-only, without privileges or capabilities', (_kind, get) => {
      const pod = (get() as Any).spec.template.spec;
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      // The image's USER, by number.
      const user = runtime.instructions.find((i) => i.keyword === 'USER')?.args;
      expect(user).toBe(`${pod.securityContext.runAsUser}:${pod.securityContext.runAsGroup}`);
      const volumes = new Map((pod.volumes ?? []).map((v: Any) => [v.name, v]));
      for (const container of pod.containers) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          runAsNonRoot: true,
          capabilities: { drop: ['ALL'] },
        });
        // A writable /tmp, since the root filesystem is read-only.
        const tmp = container.volumeMounts.find((m: Any) => m.mountPath === '/tmp');
        expect(volumes.get(tmp?.name)).toMatchObject({ emptyDir: expect.any(Object) });
        expect(container.resources.requests.memory).toBeDefined();
        expect(container.resources.limits.memory).toBeDefined();
      }
    });

    it('memory is sized for a Node process of 150–250 MB', () => {
      const mebibytes = (q: string) => {
        const m = /^(\d+)(Mi|Gi)$/.exec(q);
        if (!m) throw new Error(`unexpected quantity ${q}`);
        return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
      };
      expect(mebibytes(api.resources.requests.memory)).toBeGreaterThanOrEqual(192);
      expect(mebibytes(api.resources.limits.memory)).toBeGreaterThanOrEqual(384);
      expect(mebibytes(api.resources.limits.memory)).toBeLessThanOrEqual(1024);
    });

    it('configuration comes from the ConfigMap and the Secret the pods reference; secrets stay out of the ConfigMap', () => {
      const configMap: Any = one(manifests, 'ConfigMap');
      const secret: Any = one(manifests, 'Secret');
      expect(api.envFrom).toEqual([{ configMapRef: { name: configMap.metadata.name } }, { secretRef: { name: secret.metadata.name } }]);
      const known = documentedConfigVariables();
      for (const key of [...Object.keys(configMap.data), ...Object.keys(secret.stringData)]) {
        expect({ key, documented: known.has(key) }).toEqual({ key, documented: true });
      }
      expect(Object.keys(configMap.data).filter((k) => SECRET_KEYS.includes(k))).toEqual([]);
      expect(Object.keys(secret.stringData).sort()).toEqual(['DATABASE_URL', 'ENCRYPTION_KEY', 'JWT_SECRET']);
      expect(configMap.data.NODE_ENV).toBe('production');
    });

    it('the example Secret holds placeholders only, which the API refuses to start with', () => {
      const secret: Any = one(manifests, 'Secret');
      expect(secret.data).toBeUndefined();
      for (const [key, value] of Object.entries<string>(secret.stringData)) {
        expect({ key, placeholder: value.includes('CHANGE-ME') }).toEqual({ key, placeholder: true });
      }
      // app-config refuses a JWT_SECRET starting with "change-me" and an ENCRYPTION_KEY that is not 32 bytes.
      expect(secret.stringData.JWT_SECRET).toMatch(/^change-?me/i);
      expect(secret.stringData.ENCRYPTION_KEY).not.toMatch(/^(?:[0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/);
    });
  });
});
