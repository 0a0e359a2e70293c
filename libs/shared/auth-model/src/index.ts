export * from './lib/auth-model';
