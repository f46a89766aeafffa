export * from './patterns';
export { validateInstanceProps } from './validate-instance';
export type { Violation } from './violation';
export { SupersetSpecError } from './spec-error';
