import * as migration_20261124_063134_initial from './20261124_063134_initial';

export const migrations = [
  {
    up: migration_20261124_063134_initial.up,
    down: migration_20261124_063134_initial.down,
    name: '20261124_063134_initial'
  },
];
