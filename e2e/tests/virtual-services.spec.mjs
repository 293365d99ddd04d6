import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh } from './appmesh.mjs';
import { startOwnServer } from './own-server.mjs';

test('an empty mesh offers to create a virtual service', async ({ page, mesh }) => {
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await expect(page.getByText('No virtual services')).toBeVisible();
  await expectAccessible(page, 'the empty list');
  await page.getByRole('link', { name: 'Create virtual service' }).last().click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/virtual-services/create`));
});

test('filter, sort and page live in the URL and survive a reload', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'n1');
  for (let i = 1; i <= 12; i += 1) {
    const name = `svc-${String(i).padStart(2, '0')}.local`;
    await appmesh.createService(api, mesh, name, i % 3 === 0 ? { virtualNode: { virtualNodeName: 'n1' } } : undefined);
  }
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await expect(page.getByText('12 virtual services')).toBeVisible();
  await expectAccessible(page, 'the virtual services list');
  const rows = page.locator('tbody tr');
  await expect(rows).toHaveCount(10);

  await page.getByRole('link', { name: 'Page 2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows).toHaveCount(2);
  await page.reload();
  await expect(page.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(rows).toHaveCount(2);

  const nameHeader = page.getByRole('columnheader', { name: 'Virtual service name' });
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(page).toHaveURL(/sort=-name/);
  await page.reload();
  await expect(page.getByRole('columnheader', { name: 'Virtual service name' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByRole('columnheader', { name: 'Provider' })).not.toHaveAttribute('aria-sort', /.*/);

  await page.getByLabel('Filter virtual services').fill('n1');
  await expect(page).toHaveURL(/filter=n1/);
  await expect(page.getByText('4 of 12 virtual services match')).toBeVisible();
  await expect(rows.first()).toContainText('svc-12.local');
  await page.reload();
  await expect(page.getByLabel('Filter virtual services')).toHaveValue('n1');
  await expect(rows).toHaveCount(4);

  await page.getByLabel('Filter virtual services').fill('nothing-like-this');
  await expect(page.getByText('No virtual service matches the filter.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(rows).toHaveCount(10);
});

test('names sort in natural order: svc-2 before svc-10', async ({ page, api, mesh }) => {
  for (const name of ['svc-10.local', 'svc-2.local', 'svc-1.local']) await appmesh.createService(api, mesh, name);
  await page.goto(`/meshes/${mesh}/virtual-services`);
  const names = page.locator('tbody tr td:first-child');
  await expect(names).toHaveText(['svc-1.local', 'svc-2.local', 'svc-10.local']);
  const nameHeader = page.getByRole('columnheader', { name: 'Virtual service name' });
  await nameHeader.getByRole('button').click();
  await nameHeader.getByRole('button').click();
  await expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(names).toHaveText(['svc-10.local', 'svc-2.local', 'svc-1.local']);
});

test('details show everything, and Edit changes the provider', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'n1');
  await appmesh.createRouter(api, mesh, 'r1');
  await appmesh.createService(api, mesh, 'edit-me.local', { virtualNode: { virtualNodeName: 'n1' } });
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await expect(page.getByText('1 virtual service', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'edit-me.local' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'edit-me.local' })).toBeVisible();
  for (const label of ['Mesh', 'Status', 'ARN', 'Mesh owner', 'Resource owner', 'Created', 'Last updated', 'Version', 'UID']) {
    await expect(page.locator('dt', { hasText: new RegExp(`^${label}$`) })).toBeVisible();
  }
  await expect(page.getByText(`arn:aws:appmesh:us-east-1:123456789012:mesh/${mesh}/virtualService/edit-me.local`)).toBeVisible();

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit edit-me.local' })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Virtual node', exact: true })).toBeChecked();
  await expectAccessible(page, 'edit');
  await page.getByRole('radio', { name: 'Virtual router', exact: true }).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Choose a virtual router.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Virtual router' }).selectOption('r1');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Virtual service edit-me.local updated.')).toBeVisible();
  const providerCell = page.locator('dt', { hasText: 'Provider' }).locator('xpath=following-sibling::dd');
  await expect(providerCell).toHaveText('Virtual router r1');
  await expect(page.locator('dt', { hasText: 'Version' }).locator('xpath=following-sibling::dd')).toHaveText('2');
});

test('delete asks to type delete', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'doomed.local');
  await page.goto(`/meshes/${mesh}/virtual-services/doomed.local`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete virtual service doomed.local?' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'the delete dialog');
  const confirm = dialog.getByRole('button', { name: 'Delete' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('To confirm, type delete').fill('delet');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('To confirm, type delete').fill('delete');
  await confirm.click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/virtual-services$`));
  await expect(page.getByText('Virtual service doomed.local deleted.')).toBeVisible();
  await expect(page.getByText('No virtual services')).toBeVisible();
});

test('an unknown virtual service is a not-found page with a way back', async ({ page, mesh }) => {
  await page.goto(`/meshes/${mesh}/virtual-services/nothing.local`);
  await expect(page.getByRole('heading', { name: 'Virtual service not found' })).toBeVisible();
  await expectAccessible(page, 'virtual service not found');
  await page.getByRole('link', { name: 'Go to the virtual services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual services' })).toBeVisible();
});

test('a server that is down is an error with Retry, never a hang', async ({ page, storageMode }) => {
  test.skip(storageMode === 'browser', 'browser mode has no server to lose');
  const server = await startOwnServer();
  try {
    await fetch(`${server.url}/v20190125/meshes`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meshName: 'm1' }) });
    await page.goto(`${server.url}/meshes`);
    await expect(page.getByRole('link', { name: 'm1', exact: true })).toBeVisible();
    server.kill();
    await page.getByRole('link', { name: 'm1', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The server did not answer');
    await expect(alert.getByText('TypeError: Failed to fetch')).toBeHidden();
    await alert.getByText('Technical detail').click();
    await expect(alert.getByText('TypeError: Failed to fetch')).toBeVisible();
    page.expectConsoleErrors(); // the browser logs the refused requests
    await server.restart();
    await page.getByRole('button', { name: 'Retry' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Virtual services' })).toBeVisible();
  } finally {
    server.kill();
  }
});

test('readable at 360 px wide: nothing but the table scrolls sideways', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'a-rather-long-service-name.default.svc.cluster.local');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await expect(page.getByRole('link', { name: 'a-rather-long-service-name.default.svc.cluster.local' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.goto(`/meshes/${mesh}/virtual-services/create?step=review&name=x.local`);
  await expect(page.getByRole('heading', { name: 'Step 4 of 4: Review and create' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
