export * from './roles.ts';
export * from './iin.ts';
export * from './errors.ts';
