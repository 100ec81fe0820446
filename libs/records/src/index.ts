export * from './credit-rules';
export * from './credit-record.view';
export * from './credit-records.service';
export * from './public-records.service';
export * from './records.module';
