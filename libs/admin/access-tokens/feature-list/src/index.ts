export * from './lib/tokens-page';
export * from './lib/create-token-dialog';
