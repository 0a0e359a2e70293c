export * from './lib/access-tokens-api';
