export * from './lib/api-contracts';
