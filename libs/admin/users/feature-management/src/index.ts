export * from './lib/users-page';
export * from './lib/user-form-dialog';
export * from './lib/set-password-dialog';
export * from './lib/user-stats-cards';
