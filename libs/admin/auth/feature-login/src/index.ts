export * from './lib/login-page';
export * from './lib/change-password-dialog';
