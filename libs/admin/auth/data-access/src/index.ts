export * from './lib/token-storage';
export * from './lib/auth-api';
export * from './lib/session.store';
export * from './lib/interceptors';
export * from './lib/guards';
export * from './lib/provide-session';
