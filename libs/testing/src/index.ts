export * from './feed-samples';
export * from './staff';
export * from './test-app';
export * from './test-environment';
export * from './wait-for';
export * from './api-process';
export * from './tip-builders';
export * from './case-driver';
