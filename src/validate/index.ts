export * from '../base/patterns';
export { validateInstanceProps } from './validate-instance';
export { SupersetValidationError, type Violation } from '../base/errors';
