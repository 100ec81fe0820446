export * from './feed-samples';
export * from './staff';
export * from './test-app';
export * from './test-environment';
export * from './wait-for';
export * from './bad-input-corpus';
