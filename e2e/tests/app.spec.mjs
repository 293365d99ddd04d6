import { test, expect } from './fixtures.mjs';

test('the console loads at / and shows the meshes, and where they are stored', async ({ page, storageMode }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/meshes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
  const indicator = page.getByRole('link', { name: storageMode === 'server' ? 'Stored on the server' : 'Stored in this browser' });
  await expect(indicator).toBeVisible();
  await indicator.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByText(`This console is working with data ${storageMode === 'server' ? 'on the server' : 'in this browser'}.`)).toBeVisible();
});

test('a deep link loaded directly renders its view', async ({ page }) => {
  await page.goto('/meshes');
  await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
});

test('an unknown address is a page-not-found view with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to your meshes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
});

test('a missing asset is a 404, not the app', async ({ request }) => {
  const response = await request.get('/nope.wasm');
  expect(response.status()).toBe(404);
  const app = await request.get('/meshes/m1/virtual-services/svc.local');
  expect(app.status()).toBe(200);
  expect(await app.text()).toContain('<title>Mesh Console</title>');
});
