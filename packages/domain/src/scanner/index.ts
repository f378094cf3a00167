export * from './types';
export * from './checksums';
export * from './scan';
export * from './findings';
export * from './normalize';
