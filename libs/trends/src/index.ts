/** Trend watch (定期研判): rises above a subject, product or region's usual rate. */
export * from './trend-rules';
export * from './trend-keys';
export * from './trend-alerts.service';
export * from './trend-rollup.service';
export * from './trends.module';
