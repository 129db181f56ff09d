import { importSeeds } from '../../dist/libs/plan/import-seeds.js';

/** Every test database starts as a first start leaves it: the plan's seeds imported. */
export async function prepareTemplate(url) {
  await importSeeds(url, 'seeds');
}
