import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh, ok, uniqueName } from './appmesh.mjs';

test('choosing a mesh opens its virtual services; the picker switches mesh and keeps the section', async ({ page, api, mesh }) => {
  const other = uniqueName('other');
  await appmesh.createMesh(api, other);
  try {
    await page.goto('/meshes');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: mesh, exact: true }) });
    await expect(row.getByRole('cell', { name: '123456789012' })).toBeVisible();
    await expect(row.getByRole('cell', { name: 'Active' })).toBeVisible();
    await expectAccessible(page, 'the meshes list');

    await row.getByRole('link', { name: mesh, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/virtual-services$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Virtual services' })).toBeVisible();

    await page.getByRole('navigation', { name: 'Mesh sections' }).getByRole('link', { name: 'Virtual nodes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Virtual nodes' })).toBeVisible();
    await page.getByLabel('Mesh', { exact: true }).selectOption(other);
    await expect(page).toHaveURL(new RegExp(`/meshes/${other}/virtual-nodes$`));
    await expect(page.getByRole('navigation', { name: 'Mesh sections' }).getByRole('heading', { name: other })).toBeVisible();
  } finally {
    await appmesh.deleteMesh(api, other);
  }
});

test('create mesh validates its name live and opens the new mesh', async ({ page, api, mesh }) => {
  const name = uniqueName('created');
  await page.goto('/meshes');
  await page.getByRole('link', { name: 'Create mesh' }).first().click();
  const field = page.getByLabel('Mesh name');
  await field.fill(mesh);
  await expect(page.getByText(`A mesh named ${mesh} already exists.`)).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'create mesh');
  await field.fill(name);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await page.getByLabel(/Allow all/).check();
  await page.getByRole('button', { name: 'Create mesh' }).click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${name}/virtual-services$`));
  await expect(page.getByText(`Mesh ${name} created.`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual services' }), 'focus starts at the new page').toBeFocused();
  const described = await ok(api, 'GET', `/v20190125/meshes/${name}`);
  expect(described.spec.egressFilter.type).toBe('ALLOW_ALL');
  await appmesh.deleteMesh(api, name);
});

test('an unknown mesh is a clear not-found page with a way back', async ({ page }) => {
  await page.goto('/meshes/no-such-mesh/virtual-services');
  await expect(page.getByRole('heading', { name: 'Mesh not found' })).toBeVisible();
  await expectAccessible(page, 'mesh not found');
  await page.getByRole('link', { name: 'Go to your meshes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meshes' })).toBeVisible();
});

test('a mesh shared with you is marked, and you can work in it', async ({ page, api }) => {
  const owner = '210987654321';
  const mesh = uniqueName('shared');
  await appmesh.createMesh(api, mesh, { as: owner });
  await appmesh.shareMesh(api, owner, mesh, '123456789012');
  try {
    await page.goto('/meshes');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: mesh, exact: true }) });
    await expect(row.getByRole('cell', { name: `${owner} Shared with you` })).toBeVisible();
    await row.getByRole('link', { name: mesh, exact: true }).click();
    await expect(page.getByRole('navigation', { name: 'Mesh sections' })).toContainText(`Shared with you by ${owner}`);
    await page.getByRole('link', { name: 'Create virtual service' }).first().click();
    await page.getByLabel('Virtual service name').fill('mine.shared.local');
    for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Create virtual service' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'mine.shared.local' })).toBeVisible();
    const value = (label) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
    await expect(value('Mesh owner')).toHaveText(owner);
    await expect(value('Resource owner')).toHaveText('123456789012');
  } finally {
    await appmesh.deleteMesh(api, mesh, { as: owner });
  }
});

/** The App Mesh and console-api requests of `page`, and their answers, in the order they happen. */
function apiTraffic(page) {
  const events = [];
  const note = (what) => (message) => {
    const { pathname, searchParams } = new URL(message.url());
    const query = searchParams.size ? `?${searchParams}` : '';
    if (/^\/(v20190125|console-api)\//.test(pathname)) events.push(`${what} ${pathname}${query}`);
  };
  const [asked, answered] = [note('asked'), note('answered')];
  page.on('request', asked);
  page.on('response', answered);
  return {
    events,
    stop: () => {
      page.off('request', asked);
      page.off('response', answered);
    },
  };
}

test('a cold load of a list asks the server for all it needs at once, each thing once', async ({ page, api, mesh, storageMode }) => {
  test.skip(storageMode !== 'server', 'in this browser the engine answers in place, with no request');
  await appmesh.createService(api, mesh, 'early.local');
  await appmesh.createNode(api, mesh, 'early-node');
  // Each list page and the one request its rows come from.
  const lists = [
    ['virtual-services', 'early.local', `/console-api/meshes/${mesh}/virtualServices`],
    ['virtual-nodes', 'early-node', `/v20190125/meshes/${mesh}/virtualNodes?limit=100`],
    ['virtual-routers', null, `/v20190125/meshes/${mesh}/virtualRouters?limit=100`],
    ['virtual-gateways', null, `/console-api/meshes/${mesh}/virtualGateways`],
  ];
  for (const [slug, row, rows] of lists) {
    const traffic = apiTraffic(page);
    await page.goto(`/meshes/${mesh}/${slug}`);
    if (row) await expect(page.getByRole('link', { name: row, exact: true })).toBeVisible();
    else await expect(page.getByText(/^No virtual (routers|gateways)/)).toBeVisible();
    await page.waitForLoadState('networkidle');
    const asked = traffic.events.filter((event) => event.startsWith('asked'));
    expect(asked.toSorted(), slug).toEqual([`asked ${rows}`, 'asked /console-api/identity', 'asked /v20190125/meshes?limit=100'].toSorted());
    expect(traffic.events.indexOf(`asked ${rows}`), `${slug}: its rows are asked before the caller is known`).toBeLessThan(
      traffic.events.indexOf('answered /console-api/identity'),
    );
    traffic.stop();
  }
});

test('a cold load of a shared mesh\'s list shows the owner\'s resources', async ({ page, api }) => {
  const owner = '210987654321';
  const mesh = uniqueName('shared');
  await appmesh.createMesh(api, mesh, { as: owner });
  await appmesh.shareMesh(api, owner, mesh, '123456789012');
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualServices`, { virtualServiceName: 'owners.shared.local', spec: {} }, { as: owner });
  try {
    await page.goto(`/meshes/${mesh}/virtual-services`);
    await expect(page.getByRole('navigation', { name: 'Mesh sections' })).toContainText(`Shared with you by ${owner}`);
    await expect(page.getByRole('link', { name: 'owners.shared.local', exact: true })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await appmesh.deleteMesh(api, mesh, { as: owner });
  }
});
