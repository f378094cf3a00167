export * from './states';
export * from './types';
export * from './signatures';
export * from './transitions';
export * from './drafts';
export * from './revisions';
export * from './separation';
export * from './returns';
