import { loadEnvironment } from '../../core/src/config/app-config';
import { prepareDatabase } from '../../core/src/database/prepare-database';
import { applyTestEnvironment } from './test-environment';

/** Creates the test database when missing and brings its schema to the latest migration. */
export default async function globalSetup(): Promise<void> {
  applyTestEnvironment();
  await prepareDatabase(loadEnvironment());
}
