// Working as a team does: deletes of what is gone or held elsewhere, a wizard that cannot
// be tricked by its URL, the keyboard alone, and a phone-sized screen.
import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh, ok, reached, uniqueName } from './appmesh.mjs';

const value = (page, label) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');

const tagsOf = async (api, arn) => (await ok(api, 'GET', `/v20190125/tags?resourceArn=${encodeURIComponent(arn)}`)).tags;

test('deleting what was deleted elsewhere says so and leads back', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'gone.local');
  await page.goto(`/meshes/${mesh}/virtual-services/gone.local`);
  await expect(page.getByRole('heading', { level: 1, name: 'gone.local' })).toBeVisible();
  // Browser mode: the page follows other tabs, so the dialog is opened before the delete lands.
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete virtual service gone.local?' });
  await dialog.getByLabel('To confirm, type delete').fill('delete');
  await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualServices/gone.local`);
  await reached(page, 'gone.local', { gone: true });
  if (await dialog.isVisible()) {
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(dialog.getByText('This virtual service no longer exists: it was deleted elsewhere.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
    await dialog.getByRole('link', { name: 'Go to the virtual services' }).click();
  }
  // (In browser mode the details page may have followed the delete first: it then says so itself.)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Virtual service(s| not found)/);
});

test('a delete that App Mesh will refuse lists the first few holders and offers no Delete', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'popular');
  for (let index = 1; index <= 30; index += 1) {
    await appmesh.createService(api, mesh, `svc-${index}.local`, { virtualNode: { virtualNodeName: 'popular' } });
  }
  await reached(page, 'svc-30.local');
  await page.goto(`/meshes/${mesh}/virtual-nodes/popular`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete virtual node popular?' });
  await expect(dialog.getByText('and 25 more')).toBeVisible();
  await expect(dialog.getByRole('link')).toHaveCount(5);
  await expect(dialog.getByRole('link').first()).toHaveText('svc-1.local');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
});

test('a wizard link cannot skip its checks: each step is judged on load and on Create', async ({ page, api, mesh }) => {
  const wizard = `/meshes/${mesh}/virtual-services/create`;
  await page.goto(`${wizard}?step=review&name=localhost`);
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 4: Name' })).toBeVisible();
  await expect(page.getByText(/Use a name that resolves to a non-loopback/)).toBeVisible();
  await expect(page.getByLabel('Virtual service name')).toBeFocused();

  await page.goto(`${wizard}?step=review&name=ok.local&tagKey1=&tagValue1=x`);
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 4: Tags' })).toBeVisible();
  await expect(page.getByText('Enter a key.')).toBeVisible();
  await expect(page.getByLabel('Key of tag 1')).toBeFocused();

  // A provider deleted meanwhile: the review sends the user back to choose another.
  await appmesh.createNode(api, mesh, 'short-lived');
  await reached(page, 'short-lived');
  await page.goto(`${wizard}?step=review&name=ok.local&provider=virtual-node&target=short-lived`);
  await expect(page.getByRole('heading', { level: 2, name: 'Step 4 of 4: Review and create' })).toBeVisible();
  await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualNodes/short-lived`);
  await reached(page, 'short-lived', { gone: true });
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 4: Provider' })).toBeVisible();
  await expect(page.getByText('The virtual node short-lived no longer exists in this mesh; choose another.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Virtual node' })).toContainText('short-lived (no longer exists)');
});

test('the wizard goes by keyboard: Enter submits a step, focus starts at the heading', async ({ page, api, mesh }) => {
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await page.getByRole('link', { name: 'Create virtual service' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create virtual service' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Virtual service name')).toBeFocused();
  await page.keyboard.type('keyed.local');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 4: Provider' })).toBeFocused();
  await page.getByRole('button', { name: 'Next' }).press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 4: Tags' })).toBeVisible();
  await page.getByRole('button', { name: 'Add tag' }).press('Enter');
  await expect(page.getByLabel('Key of tag 1')).toBeFocused();
  await page.keyboard.type('team');
  await page.keyboard.press('Tab');
  await page.keyboard.type('a');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 4 of 4: Review and create' })).toBeVisible();
  await page.getByRole('button', { name: 'Create virtual service' }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'keyed.local' })).toBeFocused();
  // In browser mode the API's tab reads the store after the console's tab wrote it.
  await expect.poll(async () => (await api.call('GET', `/v20190125/meshes/${mesh}/virtualServices/keyed.local`)).status).toBe(200);
  const created = await appmesh.describeService(api, mesh, 'keyed.local');
  expect(await tagsOf(api, created.metadata.arn)).toEqual([{ key: 'team', value: 'a' }]);
});

test('switching provider kind keeps each kind\'s choice; switching mesh asks before leaving a form', async ({ page, api, mesh }) => {
  const other = uniqueName('other');
  await appmesh.createMesh(api, other);
  try {
    await appmesh.createNode(api, mesh, 'n1');
    await appmesh.createRouter(api, mesh, 'r1');
    await reached(page, '"r1"');
    await page.goto(`/meshes/${mesh}/virtual-services/create?step=provider&name=a.local`);
    await page.getByRole('radio', { name: 'Virtual node', exact: true }).check();
    await page.getByRole('combobox', { name: 'Virtual node' }).selectOption('n1');
    await page.getByRole('radio', { name: 'Virtual router', exact: true }).check();
    await page.getByRole('combobox', { name: 'Virtual router' }).selectOption('r1');
    await page.getByRole('radio', { name: 'Virtual node', exact: true }).check();
    await expect(page.getByRole('combobox', { name: 'Virtual node' })).toHaveValue('n1');

    page.once('dialog', (question) => question.dismiss());
    await page.getByLabel('Mesh', { exact: true }).selectOption(other);
    await expect(page).toHaveURL(/step=provider&name=a.local&provider=virtual-node&target=n1/);
    await expect(page.getByLabel('Mesh', { exact: true })).toHaveValue(mesh);

    page.once('dialog', (question) => question.accept());
    await page.getByLabel('Mesh', { exact: true }).selectOption(other);
    await expect(page).toHaveURL(new RegExp(`/meshes/${other}/virtual-services$`));
  } finally {
    await appmesh.deleteMesh(api, other);
  }
});

test('a provider links to its own page; the breadcrumb names the section', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'n1');
  await appmesh.createService(api, mesh, 'svc-1.local', { virtualNode: { virtualNodeName: 'n1' } });
  await reached(page, 'svc-1.local');
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await page.getByRole('row', { name: /svc-1\.local/ }).getByRole('link', { name: 'n1' }).click();
  await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/virtual-nodes/n1$`));
  await expect(page.getByRole('heading', { level: 1, name: 'n1' })).toBeFocused();
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
  await expect(crumbs).toHaveText(new RegExp(`Meshes.*${mesh}.*Virtual nodes.*n1`));
  await crumbs.getByRole('link', { name: 'Virtual nodes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual nodes' })).toBeVisible();
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the wizard\'s first field is in view, the sections are in a drawer, and tables scroll visibly', async ({ page, api, mesh }) => {
    await page.goto(`/meshes/${mesh}/virtual-services/create`);
    await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 4: Name' })).toBeVisible();
    await expect(page.getByLabel('Virtual service name')).toBeInViewport();
    const sections = page.getByRole('navigation', { name: 'Mesh sections' });
    await expect(sections.getByRole('link', { name: 'Virtual nodes' })).toBeHidden();
    await expectAccessible(page, 'the wizard at 390 px');

    await appmesh.createNode(api, mesh, 'a-node-with-a-long-name');
    await appmesh.createService(api, mesh, 'wide.local', { virtualNode: { virtualNodeName: 'a-node-with-a-long-name' } });
    await reached(page, 'wide.local');
    await sections.getByRole('button', { name: 'Sections' }).click();
    await expect(sections.getByRole('button', { name: 'Sections' })).toHaveAttribute('aria-expanded', 'true');
    await sections.getByRole('link', { name: 'Virtual services' }).click();
    await expect(sections.getByRole('link', { name: 'Virtual nodes' }), 'the drawer closes on a choice').toBeHidden();
    const table = page.getByRole('region', { name: 'Virtual services' });
    await expect(table.getByRole('link', { name: 'wide.local' })).toBeInViewport();
    const scrolls = await table.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(scrolls, 'the table scrolls inside its frame').toBe(true);
    const pageScrolls = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(pageScrolls, 'the page itself does not scroll sideways').toBe(false);
    await expectAccessible(page, 'the list at 390 px');
  });
});
