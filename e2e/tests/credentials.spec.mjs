// A shared server (--credentials, project `credentials`): the console signs in at /sign-in with
// a key of the server's credentials file, then acts as that key's account.
import { test, expect } from './fixtures.mjs';
import { uniqueName } from './appmesh.mjs';

const alice = { accessKeyId: 'AKIAE2EALICE00000001', secret: 'e2e/Alice+Secret000000000000000000000001', account: '111111111111' };

async function signIn(page, secret) {
  await page.getByLabel('Access key ID').fill(alice.accessKeyId);
  await page.getByLabel('Secret access key').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('the console signs in with a key of the credentials file and acts as its account', async ({ page }) => {
  await page.goto('/meshes');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmeshes$/);
  await signIn(page, 'not-the-secret');
  await expect(page.getByRole('alert')).toHaveText(/do not match a key of this server's credentials file/);

  await signIn(page, alice.secret);
  await expect(page).toHaveURL(/\/meshes$/);
  // Chromium logs the refused form's 403 as a failed load.
  expect(page.expectConsoleErrors().filter((error) => !/status of 403 .*\/sign-in\)$/.test(error))).toEqual([]);
  await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
  const mesh = uniqueName('signed-in');
  await page.getByRole('link', { name: 'Create mesh' }).first().click();
  await page.getByLabel('Mesh name').fill(mesh);
  await page.getByLabel(/Allow all/).check();
  await page.getByRole('button', { name: 'Create mesh' }).click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/`));
  await page.goto('/meshes');
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: mesh, exact: true }) });
  await expect(row.getByRole('cell', { name: alice.account })).toBeVisible();
});
