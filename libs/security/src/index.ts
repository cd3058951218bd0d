export * from './url-policy';
export * from './safe-request';
export * from './api-key';
export * from './envelope';
export * from './password-policy';
export * from './config';
