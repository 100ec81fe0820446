export * from '@hub/calendar/working-days';
