export function authModel(): string {
  return 'auth-model';
}
