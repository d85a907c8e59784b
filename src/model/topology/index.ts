export * from './types.ts';
export * from './bdf.ts';
export * from './builders.ts';
export * from './kind.ts';
