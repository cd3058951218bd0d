/**
 * Data source for the TypeORM CLI (`npm run migration:generate -- <Name>`): every entity of every
 * app, so a generated migration sees the whole schema. Apps never import this file.
 */
import { loadConfig, commonSchema } from '@clipyard/config';
import { createDataSource } from './data-source.factory';
import { ALL_ENTITIES } from './entities';

const config = loadConfig(commonSchema);
export default createDataSource({ url: config.DATABASE_URL, entities: ALL_ENTITIES });
