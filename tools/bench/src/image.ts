/**
 * The NODE_OPTIONS that the image's runtime stage sets (`ENV … NODE_OPTIONS="…"` after
 * `FROM … AS runtime` in docker/api.Dockerfile), or '' without one: the benchmark runs the API with
 * the V8 flags it is deployed with.
 */
export function imageNodeOptions(dockerfile: string): string {
  const runtime = dockerfile.split(/^FROM\s+/m).find((stage) => /^\S+\s+AS\s+runtime\b/i.test(stage)) ?? '';
  const match = /^ENV\s.*?\bNODE_OPTIONS=("[^"]*"|\S+)/m.exec(runtime);
  return match ? match[1].replace(/^"|"$/g, '') : '';
}
