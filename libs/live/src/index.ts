export * from './console.gateway';
export * from './live-messages';
export * from './live-publisher.service';
export * from './live.module';
export * from './socket-io.adapter';
