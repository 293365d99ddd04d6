// Where data is kept: browser storage's promises (unreadable data kept and reported, a full
// quota changing nothing, other tabs seeing changes), choosing the storage, and moving
// everything between a browser and a server with Export and Import.
import { readFile } from 'node:fs/promises';
import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh, ok } from './appmesh.mjs';
import { startOwnServer } from './own-server.mjs';

const STORE = 'mesh-console.store';
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), STORE);

async function exportFrom(page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^mesh-console-store-\d{4}-\d\d-\d\d\.json$/);
  return readFile(await file.path(), 'utf8');
}

async function importInto(page, text) {
  await page.getByLabel('File to import').setInputFiles({ name: 'store.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test('stored data that cannot be read is reported, never overwritten, and can be exported or reset', async ({ page, storageMode }) => {
  test.skip(storageMode !== 'browser', 'browser storage only');
  const cases = [
    ['{"format":"mesh-console-store","schemaVersion":1,', 'It is not a JSON object'],
    ['{"format":"mesh-console-store","schemaVersion":9,"collections":{}}', 'newer Mesh Console (schema version 9)'],
  ];
  for (const [bad, reason] of cases) {
    await page.goto('/meshes');
    await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORE, bad]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'The data stored in this browser cannot be used' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('The data stored in this browser cannot be read.');
    await expect(page.getByRole('alert')).toContainText(reason);
    await expectAccessible(page, 'the storage problem page');
    expect(await exportFrom(page)).toBe(bad);
    expect(await stored(page)).toBe(bad);
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Reset browser storage' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
    await expect(page.getByText('No meshes')).toBeVisible();
    expect(await stored(page)).toBeNull();
  }
});

test('a full storage quota is an error that changes nothing', async ({ page, storageMode, mesh }) => {
  test.skip(storageMode !== 'browser', 'browser storage only');
  await page.goto('/meshes/create');
  const before = await stored(page);
  const fillers = await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let count = 0;
    while (chunk.length >= 16) {
      try { localStorage.setItem(`filler-${count}`, chunk); count += 1; } catch { chunk = chunk.slice(0, chunk.length / 2); }
    }
    return count;
  });
  await page.getByLabel('Mesh name').fill('does-not-fit');
  await page.getByRole('button', { name: 'Create mesh' }).click();
  await expect(page.getByRole('alert')).toContainText("The browser's storage for this site is full, so nothing was saved");
  await expect(page.getByLabel('Mesh name')).toHaveValue('does-not-fit');
  expect(await stored(page)).toBe(before);
  await page.evaluate((count) => { for (let i = 0; i < count; i += 1) localStorage.removeItem(`filler-${i}`); }, fillers);
  await page.getByRole('button', { name: 'Create mesh' }).click();
  await expect(page.getByText('Mesh does-not-fit created.')).toBeVisible();
  await page.goto('/meshes');
  await expect(page.getByRole('link', { name: 'does-not-fit', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: mesh, exact: true })).toBeVisible();
});

test('another tab sees a change without a reload', async ({ page, context, storageMode, mesh }) => {
  test.skip(storageMode !== 'browser', 'tabs share data through localStorage in browser mode');
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await expect(page.getByText('No virtual services')).toBeVisible();
  const other = await context.newPage();
  await other.goto(`/meshes/${mesh}/virtual-services/create`);
  await other.getByLabel('Virtual service name').fill('from-the-other-tab.local');
  for (let step = 0; step < 3; step += 1) await other.getByRole('button', { name: 'Next' }).click();
  await other.getByRole('button', { name: 'Create virtual service' }).click();
  await expect(other.getByRole('heading', { level: 1, name: 'from-the-other-tab.local' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'from-the-other-tab.local' })).toBeVisible();
});

test("another tab's change never replaces what you are typing", async ({ page, api, storageMode, mesh }) => {
  test.skip(storageMode !== 'browser', 'tabs share data through localStorage in browser mode');
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualNodes`, { virtualNodeName: 'n1', spec: { serviceDiscovery: { dns: { hostname: 'old.local' } } } });
  await page.goto(`/meshes/${mesh}/virtual-nodes/n1/edit`);
  await page.getByLabel('DNS hostname').fill('typed.local');
  await appmesh.createRouter(api, mesh, 'made-elsewhere');
  await page.getByRole('navigation', { name: 'Mesh sections' }).waitFor();
  await expect(page.getByLabel('DNS hostname')).toHaveValue('typed.local');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Virtual node n1 updated.')).toBeVisible();
  expect((await ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualNodes/n1`)).spec.serviceDiscovery.dns.hostname).toBe('typed.local');
});

test('export and import move everything from a browser to a server and back', async ({ page, context, api, storageMode, mesh }) => {
  test.skip(storageMode !== 'browser', 'moves data between the two modes once');
  await appmesh.createNode(api, mesh, 'n1');
  await appmesh.createService(api, mesh, 'moved.local', { virtualNode: { virtualNodeName: 'n1' } });
  await page.goto('/settings');
  const fromBrowser = await exportFrom(page);
  expect(JSON.parse(fromBrowser)).toMatchObject({ format: 'mesh-console-store', schemaVersion: 1, account: '123456789012' });

  const server = await startOwnServer();
  try {
    const onServer = await context.newPage();
    await onServer.goto(`${server.url}/settings`);
    await expect(onServer.getByText('This console is working with data on the server.')).toBeVisible();
    await importInto(onServer, fromBrowser);
    await expect(onServer.getByText('The file was imported: it is now everything stored on the server.')).toBeVisible();
    await onServer.goto(`${server.url}/meshes/${mesh}/virtual-services/moved.local`);
    await expect(onServer.getByRole('heading', { level: 1, name: 'moved.local' })).toBeVisible();
    await expect(onServer.getByRole('link', { name: 'n1', exact: true })).toBeVisible();

    // Changed on the server, then back to the browser.
    await fetch(`${server.url}/v20190125/meshes/${mesh}/virtualServices`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ virtualServiceName: 'made-on-server.local', spec: {} }) });
    await onServer.goto(`${server.url}/settings`);
    const fromServer = await exportFrom(onServer);
    await importInto(page, fromServer);
    await expect(page.getByText('The file was imported: it is now everything stored in this browser.')).toBeVisible();
    await page.goto(`/meshes/${mesh}/virtual-services`);
    await expect(page.getByRole('link', { name: 'made-on-server.local' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'moved.local' })).toBeVisible();
  } finally {
    server.kill();
  }
});

test('an import that does not read changes nothing', async ({ page, api, mesh }) => {
  await page.goto('/settings');
  await expectAccessible(page, 'settings');
  const good = await exportFrom(page);
  const broken = good.replace(`:mesh/${mesh}"`, ':mesh/somewhere-else"');
  expect(broken).not.toBe(good);
  await importInto(page, broken);
  await expect(page.getByRole('alert')).toContainText('The file cannot be imported:');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');
  await ok(api, 'GET', `/v20190125/meshes/${mesh}`);
  await importInto(page, '{"schemaVersion": 1}');
  await expect(page.getByRole('alert')).toContainText('It is not a Mesh Console store');
});

test('settings switch the storage, and back', async ({ page, storageMode, mesh }) => {
  test.skip(storageMode !== 'server', 'starts where a server answers');
  await page.goto('/meshes');
  await expect(page.getByRole('link', { name: mesh, exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Stored on the server' }).click();
  await page.getByRole('button', { name: 'Store in this browser' }).click();
  await expect(page.getByRole('link', { name: 'Stored in this browser' })).toBeVisible();
  await expect(page.getByText('Where to store data is in this browser.')).toBeVisible();
  await page.goto('/meshes');
  await expect(page.getByText('No meshes')).toBeVisible();
  await page.getByRole('link', { name: 'Stored in this browser' }).click();
  await page.getByRole('button', { name: 'Decide at each start' }).click();
  await expect(page.getByRole('link', { name: 'Stored on the server' })).toBeVisible();
  await page.goto('/meshes');
  await expect(page.getByRole('link', { name: mesh, exact: true })).toBeVisible();
});
