/**
 * @touming/domain — every fact of the report formats, the consistency rules, the workflow and the
 * permissions. Pure TypeScript, no I/O: the API, the console and the CLI import it.
 * Subpath imports (`@touming/domain/formats`, `/validation`, …) keep browser bundles small.
 */
export * from './formats';
export * from './report';
export * from './hash';
export * from './permissions';
export * from './agencies';
export * from './regions';
export * from './contract';
export * from './workflow';
export * from './confidentiality';
export * from './scanner';
export * from './deadlines';
export * from './accountability';
export * from './notifications';
export * from './contributions';
export * from './validation';
export * from './aggregate';
export * from './generate';
export * from './import';
export * from './render';
export * from './quality';
export * from './compare';
export * from './files';
export * from './passwords';
export * from './accounts';
export * from './audit';
