import * as migration_20261124_063134_initial from './20261124_063134_initial';
import * as migration_20261124_064750_calls_escalations from './20261124_064750_calls_escalations';

export const migrations = [
  {
    up: migration_20261124_063134_initial.up,
    down: migration_20261124_063134_initial.down,
    name: '20261124_063134_initial',
  },
  {
    up: migration_20261124_064750_calls_escalations.up,
    down: migration_20261124_064750_calls_escalations.down,
    name: '20261124_064750_calls_escalations'
  },
];
