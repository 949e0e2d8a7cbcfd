// Every table of the application, one file per feature. drizzle-kit reads this file to generate migrations.
export * from './audit.ts';
export * from './auth.ts';
export * from './catalogue.ts';
export * from './communes.ts';
export * from './diagnostic.ts';
export * from './implementation.ts';
export * from './missions.ts';
export * from './needs.ts';
export * from './ocds.ts';
export * from './public.ts';
export * from './purchasing.ts';
export * from './rate-limits.ts';
export * from './strategy.ts';
export * from './targets.ts';
