/** Supervision: rollups of the ticket flow, the dashboard and unit assessment. */
export * from './assessment-score';
export * from './period';
export * from './figures.sql';
export * from './figures-shape';
export * from './supervision-figures.service';
export * from './supervision-rollup.service';
export * from './supervision-rollup.processor';
export * from './supervision.module';
