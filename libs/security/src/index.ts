export * from './ssrf';
export * from './api-key';
export * from './envelope';
export * from './password-policy';
export * from './url-safety';
export * from './config';
