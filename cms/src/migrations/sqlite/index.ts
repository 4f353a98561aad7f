import * as migration_20261124_063125_initial from './20261124_063125_initial';

export const migrations = [
  {
    up: migration_20261124_063125_initial.up,
    down: migration_20261124_063125_initial.down,
    name: '20261124_063125_initial'
  },
];
