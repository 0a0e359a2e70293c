export function apiContracts(): string {
  return 'api-contracts';
}
