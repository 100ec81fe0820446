export * from './claims.service';
export * from './console.module';
export * from './console-actions.dto';
export * from './console-actions.service';
export * from './console-queries.service';
