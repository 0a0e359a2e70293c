export * from './lib/audit-api';
export * from './lib/audit-list-state';
export * from './lib/describe-details';
