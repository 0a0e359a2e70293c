export * from './lib/audit-page';
