export * from './in-app-notifier.service';
export * from './notification-view';
export * from './notifications.module';
export * from './notifications.service';
export * from './notifier';
