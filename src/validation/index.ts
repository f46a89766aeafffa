export * from './patterns';
export { validateInstanceProps } from './validate-instance';
export { SupersetValidationError, type Violation } from './violation';
