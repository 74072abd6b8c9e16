export * from './entities';
export * from './data-source-options';
export * from './embedded-postgres';
export * from './postgres-errors';
