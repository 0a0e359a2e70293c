import { join } from 'node:path';
import * as ts from 'typescript';
import { DOCKER_DIR, type Json } from './deploy-files';

export interface TypedObject {
  /** Where the object comes from, for the messages: `deployment.yaml#0`. */
  label: string;
  apiVersion: string;
  kind: string;
  body: Json;
}

/**
 * kubernetes-models' `validate()` checks types, enums and required fields but lets unknown fields
 * through (a misspelt `readinesProbe` would pass, and Kubernetes would drop it). Its TypeScript
 * interfaces know every field: each object becomes `const m: IDeployment = {…}` in a virtual
 * module, and the compiler's excess-property check reports any field the API does not have.
 * Returns one line per problem: `label: line N: message`.
 */
export function typeCheckManifests(objects: readonly TypedObject[]): string[] {
  const files = new Map<string, { label: string; text: string }>();
  objects.forEach((o, i) => {
    const modulePath = `kubernetes-models/${o.apiVersion}/${o.kind}`;
    const text = `import type { I${o.kind} } from '${modulePath}';\nexport const m: I${o.kind} = ${JSON.stringify(o.body, null, 2)};\n`;
    // Beside the real sources, so that node_modules resolves as for any file of the workspace.
    files.set(join(DOCKER_DIR, `__k8s_manifest_${i}.mts`), { label: o.label, text });
  });

  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(f) || fileExists.call(host, f);
  host.readFile = (f) => files.get(f)?.text ?? readFile.call(host, f);
  host.getSourceFile = (f, languageVersion, ...rest) => {
    const virtual = files.get(f);
    return virtual ? ts.createSourceFile(f, virtual.text, languageVersion, true) : getSourceFile.call(host, f, languageVersion, ...rest);
  };
  const program = ts.createProgram([...files.keys()], options, host);

  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    const virtual = d.file ? files.get(d.file.fileName) : undefined;
    if (!d.file || !virtual || d.start === undefined) return `(compiler): ${message}`;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start);
    const source = d.file.text.split('\n')[line].trim();
    return `${virtual.label}: ${source}: ${message}`;
  });
}
