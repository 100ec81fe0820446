export * from './taxonomy';
export * from './region-gazetteer';
export * from './place-matcher';
export * from './area-code-parser';
export * from './region-resolver';
export * from './validators';
export * from './masking';
