export * from './calendar.dto';
export * from './calendar.entities';
export * from './calendar.module';
export * from './holiday-calendar.service';
export * from './working-days';
