export * from './lib/icons';
export * from './lib/confirm-dialog';
export * from './lib/secret-once';
export * from './lib/focus-on-render';
export * from './lib/estimated-total-paginator';
