export * from './checks';
export * from './review';
