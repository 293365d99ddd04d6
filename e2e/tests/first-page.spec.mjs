// A list page served by the companion server comes with its first rows drawn: a person sees
// them before the console's code has arrived, and the console then takes the page over. The
// console's code is held back here (its wasm request waits) to look at the page in between.
import { test, expect } from './fixtures.mjs';
import { appmesh } from './appmesh.mjs';

test.beforeEach(({ storageMode }) => {
  test.skip(storageMode !== 'server', 'a static host sends the page as built: the console draws it');
});

/** Holds the console's wasm until `release()`: nothing of the console runs meanwhile. */
async function holdConsoleCode(page) {
  const held = [];
  await page.route(/_bg\.wasm$/, (route) => held.push(route));
  return {
    held,
    release: async () => {
      for (const route of held) await route.continue();
      await page.unroute(/_bg\.wasm$/);
    },
  };
}

test('a list page shows its rows before the console starts, and the console takes them over', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'drawn-node');
  await appmesh.createService(api, mesh, 'drawn.local', { virtualNode: { virtualNodeName: 'drawn-node' } });
  await appmesh.createService(api, mesh, 'other.local');
  const code = await holdConsoleCode(page);
  await page.goto(`/meshes/${mesh}/virtual-services`, { waitUntil: 'commit' });

  // Seen but inert until the console is live (so out of the accessibility tree): found by text.
  const drawn = page.locator('tr', { hasText: 'drawn.local' });
  await expect(drawn).toBeVisible();
  await expect(drawn.locator('a', { hasText: 'drawn-node' })).toHaveAttribute('href', `/meshes/${mesh}/virtual-nodes/drawn-node`);
  await expect(page.getByText('2 virtual services', { exact: true })).toBeVisible();
  expect(code.held.length, 'the console has not started: its code is still held').toBeGreaterThan(0);
  // The drawn filter is inert: it cannot be typed into (Playwright waits for the live one).
  let typed = false;
  const typing = page
    .getByRole('searchbox', { name: 'Filter virtual services' })
    .fill('other')
    .then(() => (typed = true));
  await page.waitForTimeout(500);
  expect(typed, 'nothing can be typed into the drawn page').toBe(false);

  await code.release();
  await typing;
  await expect(page.locator('#prerendered'), 'the console took its place').toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(1);
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual services' })).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: '1 of 2 virtual services match' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'drawn.local', exact: true })).toHaveCount(0);
  await expect(page).toHaveURL(/\?filter=other$/);
});

test('the page the server drew looks exactly like the console\'s own, page and filter included', async ({ page, api, mesh }) => {
  for (let i = 1; i <= 14; i += 1) await appmesh.createNode(api, mesh, `node-${String(i).padStart(2, '0')}`);
  const code = await holdConsoleCode(page);
  await page.goto(`/meshes/${mesh}/virtual-nodes?page=2&filter=node`, { waitUntil: 'commit' });
  await expect(page.locator('tr', { hasText: 'node-14' })).toBeVisible();
  const drawn = await page.screenshot();
  await code.release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'node-14', exact: true })).toBeVisible();
  expect((await page.screenshot()).equals(drawn), 'the same pixels').toBe(true);
});

test('a console that keeps its data in this browser never shows the rows the server drew', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'servers.local');
  await page.addInitScript(() => localStorage.setItem('mesh-console.storage', 'browser'));
  const code = await holdConsoleCode(page);
  await page.goto(`/meshes/${mesh}/virtual-services`, { waitUntil: 'commit' });

  await expect(page.locator('#prerendered'), 'the server drew the page').toContainText('servers.local');
  await expect(page.getByText('servers.local')).toBeHidden();
  await code.release();
  await expect(page.locator('#prerendered')).toHaveCount(0);
  await expect(page.getByText('Stored in this browser')).toBeVisible();
  await expect(page.getByRole('link', { name: 'servers.local' })).toHaveCount(0);
});
