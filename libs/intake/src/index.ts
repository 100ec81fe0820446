export * from './adapters';
export * from './intake-limits';
export * from './intake-response';
export * from './intake.module';
export * from './intake.service';
export * from './normalise/normalise-record';
export * from './raw/raw-record.entity';
export * from './csv-upload';
