export * from './console.module';
export * from './console-actions.dto';
export * from './console-actions.service';
