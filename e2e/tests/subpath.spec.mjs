// The static bundle built with `--public-url /console/`, served under /console/: links,
// deep links, reloads, the wizard's URL and the engine all stay under that path.
import { test, expect, expectAccessible } from './fixtures.mjs';

test('under a sub-path every view, link and reload stays under it', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveURL(/\/console\/meshes$/);
  await expect(page.getByRole('link', { name: 'Stored in this browser' })).toBeVisible();
  await page.getByRole('link', { name: 'Create mesh' }).first().click();
  await page.getByLabel('Mesh name').fill('under-a-path');
  await page.getByRole('button', { name: 'Create mesh' }).click();
  await expect(page).toHaveURL(/\/console\/meshes\/under-a-path\/virtual-services$/);

  await page.getByRole('link', { name: 'Create virtual service' }).first().click();
  await page.getByLabel('Virtual service name').fill('deep.local');
  for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/\/console\/meshes\/under-a-path\/virtual-services\/create\?step=review/);
  await page.reload();
  await page.getByRole('button', { name: 'Create virtual service' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'deep.local' })).toBeVisible();
  await expect(page).toHaveURL(/\/console\/meshes\/under-a-path\/virtual-services\/deep\.local$/);

  await page.goto('meshes/under-a-path/virtual-services?filter=deep');
  await page.getByRole('button', { name: /Virtual service name/ }).click();
  await expect(page).toHaveURL(/\/console\/meshes\/under-a-path\/virtual-services\?filter=deep&sort=name/);
  await page.getByRole('navigation', { name: 'Mesh sections' }).getByRole('link', { name: 'Virtual nodes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual nodes' })).toBeVisible();
  await page.getByRole('link', { name: 'Stored in this browser' }).click();
  await expect(page).toHaveURL(/\/console\/settings$/);
  await expectAccessible(page, 'settings under a sub-path');
});
