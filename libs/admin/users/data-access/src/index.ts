export * from './lib/users-api';
export * from './lib/user-list-state';
