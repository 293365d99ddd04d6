// What a team needs to live in the console: a mesh's own page (edit, delete with what holds
// it), tags edited on every details page, no edit silently overwriting another's change, and
// a list's page size kept in its URL.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh, ok, reached, uniqueName } from './appmesh.mjs';

const value = (page, label) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
const tagsOf = async (api, arn) => (await ok(api, 'GET', `/v20190125/tags?resourceArn=${encodeURIComponent(arn)}`)).tags;

test('a mesh has its own page: edit its egress filter and IP preference', async ({ page, api, mesh }) => {
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await page.getByRole('navigation', { name: 'Mesh sections' }).getByRole('link', { name: 'Mesh details' }).click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}$`));
  await expect(page.getByRole('heading', { level: 1, name: mesh })).toBeVisible();
  await expect(value(page, 'Egress filter')).toHaveText('Deny all: only traffic to resources in the mesh');
  await expect(value(page, 'IP preference')).toHaveText("Not set (App Mesh's default)");
  await expect(value(page, 'Holds')).toContainText('0 virtual services');
  await expectAccessible(page, 'a mesh details page');

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/edit$`));
  await page.getByLabel(/Allow all/).check();
  await page.getByLabel('IP preference').selectOption({ label: 'IPv6 preferred' });
  await expectAccessible(page, 'the mesh edit form');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`Mesh ${mesh} updated.`)).toBeVisible();
  await expect(value(page, 'Egress filter')).toHaveText('Allow all: also traffic to any address outside the mesh');
  await expect(value(page, 'IP preference')).toHaveText('IPv6 preferred');
  const described = await ok(api, 'GET', `/v20190125/meshes/${mesh}`);
  expect(described.spec).toEqual({ egressFilter: { type: 'ALLOW_ALL' }, serviceDiscovery: { ipPreference: 'IPv6_PREFERRED' } });
});

test('a mesh that holds resources cannot be deleted, and says what holds it; an empty one can', async ({ page, api }) => {
  const mesh = uniqueName('doomed');
  await appmesh.createMesh(api, mesh);
  await appmesh.createService(api, mesh, 'held.local');
  try {
    await page.goto(`/meshes/${mesh}`);
    await expect(value(page, 'Holds')).toContainText('1 virtual service');
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete mesh ${mesh}?` });
    await expect(dialog.getByText('This mesh holds these resources.')).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Virtual service held.local' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualServices/held.local`);
    await page.reload();
    await expect(value(page, 'Holds')).toContainText('0 virtual services');
    await page.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByLabel('To confirm, type delete').fill('delete');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page).toHaveURL(/\/meshes$/);
    await expect(page.getByText(`Mesh ${mesh} deleted.`)).toBeVisible();
    await expect(page.getByRole('link', { name: mesh, exact: true })).toHaveCount(0);
    expect((await api.call('GET', `/v20190125/meshes/${mesh}`)).status).toBe(404);
  } finally {
    await appmesh.deleteMesh(api, mesh);
  }
});

test('tags are edited on a details page: added, changed, removed, checked by the engine', async ({ page, api, mesh }) => {
  const created = await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualServices`, {
    virtualServiceName: 'tagged.local', spec: {}, tags: [{ key: 'team', value: 'payments' }, { key: 'old', value: 'x' }],
  });
  const arn = created.metadata.arn;
  await page.goto(`/meshes/${mesh}/virtual-services/tagged.local`);
  await page.getByRole('button', { name: 'Edit tags' }).click();
  await expect(page.getByLabel('Key of tag 1'), 'focus goes to the first tag').toBeFocused();
  // Tags are listed by key: old, then team.
  await page.getByLabel('Value of tag 2').fill('checkout');
  await page.getByRole('button', { name: 'Remove tag 1' }).click();
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByLabel('Key of tag 2')).toBeFocused();
  await page.getByLabel('Key of tag 2').fill('aws:owner');
  await page.getByLabel('Value of tag 2').fill('me');
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(page.getByLabel('Key of tag 2')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/aws: prefix/).first()).toBeVisible();
  await expectAccessible(page, 'the tags editor');
  await page.getByLabel('Key of tag 2').fill('env');
  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(page.getByText('Tags saved.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Tags' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: 'team checkout' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'env me' })).toBeVisible();
  const stored = (await tagsOf(api, arn)).map(({ key, value: tagValue }) => `${key}=${tagValue}`).sort();
  expect(stored).toEqual(['env=me', 'team=checkout']);
});

test('an edit made elsewhere since the page was read is never overwritten unseen', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'node-a');
  await appmesh.createNode(api, mesh, 'node-b');
  await appmesh.createService(api, mesh, 'raced.local', { virtualNode: { virtualNodeName: 'node-a' } });
  await page.goto(`/meshes/${mesh}/virtual-services/raced.local/edit`);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit raced.local' })).toBeVisible();
  await page.getByRole('radio', { name: 'None' }).check();

  // Someone else, with the CLI, points the service at node-b: version 2.
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualServices/raced.local`, { spec: { provider: { virtualNode: { virtualNodeName: 'node-b' } } } });
  await reached(page, 'node-b"}');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was saved: this was changed since you opened the page' });
  await expect(alert).toContainText('version 1 then, version 2 now');
  await expect(alert).toContainText('spec.provider.virtualNode.virtualNodeName: node-a → node-b');
  await expectAccessible(page, 'an edit refused after another change');
  expect((await appmesh.describeService(api, mesh, 'raced.local')).spec.provider.virtualNode.virtualNodeName).toBe('node-b');

  await alert.getByRole('button', { name: 'Save my changes over theirs' }).click();
  await expect(page.getByText('Virtual service raced.local updated.')).toBeVisible();
  const saved = await appmesh.describeService(api, mesh, 'raced.local');
  expect(saved.spec).toEqual({});
  expect(saved.metadata.version).toBe(3);
});

test('reload after a change elsewhere shows their version to edit', async ({ page, api, mesh }) => {
  await appmesh.createRouter(api, mesh, 'router-a');
  await page.goto(`/meshes/${mesh}/virtual-routers/router-a/edit`);
  await page.getByRole('button', { name: 'Add listener' }).click();
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualRouters/router-a`, { spec: { listeners: [{ portMapping: { port: 9090, protocol: 'http2' } }] } });
  await reached(page, '9090');
  await page.getByLabel('Port of listener 1').fill('8080');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'changed since you opened the page' });
  await expect(alert).toContainText('9090');
  await alert.getByRole('button', { name: 'Reload to see their changes' }).click();
  await expect(page.getByLabel('Port of listener 1')).toHaveValue('9090');
});

test('rows per page is a choice kept in the URL, with Previous and Next', async ({ page, api, mesh }) => {
  for (let i = 1; i <= 25; i += 1) await appmesh.createService(api, mesh, `svc-${i}.local`);
  await page.goto(`/meshes/${mesh}/virtual-services`);
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
  await page.getByLabel('Rows per page').selectOption('20');
  await expect(page).toHaveURL(/pageSize=20/);
  await expect(rows).toHaveCount(20);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('svc-21.local');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel('Rows per page')).toHaveValue('20');
  await expect(rows).toHaveCount(5);
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText('svc-1.local');
});
