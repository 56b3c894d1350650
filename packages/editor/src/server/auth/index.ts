export * from './role.ts';
export * from './bearer-token.ts';
export * from './principal.ts';
export * from './authenticate.ts';
export * from './authorize.ts';
export * from './admin-token-bootstrap.ts';
export * from './token-routes.ts';
