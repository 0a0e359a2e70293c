export * from './lib/error-codes';
export * from './lib/users';
export * from './lib/auth';
export * from './lib/health';
export * from './lib/audit';
export * from './lib/access-tokens';
export * from './lib/resources';
