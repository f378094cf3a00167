export * from './checks';
export * from './review';
export * from './change-request';
