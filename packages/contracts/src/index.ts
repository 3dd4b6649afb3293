export * from './roles.ts';
export * from './iin.ts';
export * from './errors.ts';
export * from './medical-cctv.ts';
export * from './ohs-competition.ts';
export * from './production-control.ts';
export * from './production-control-reports.ts';
export * from './media-facts.ts';
