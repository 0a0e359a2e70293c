export * from './lib/api-error';
export * from './lib/form-errors';
export * from './lib/query-params';
export * from './lib/password-match';
export * from './lib/labels';
