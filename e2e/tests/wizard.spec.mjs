import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh } from './appmesh.mjs';

async function openWizard(page, mesh) {
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await page.getByRole('link', { name: 'Create virtual service' }).first().click();
  await expect(page.getByRole('heading', { name: 'Step 1 of 4: Name' })).toBeVisible();
}

const next = (page) => page.getByRole('button', { name: 'Next' }).click();

for (const provider of ['Virtual node', 'Virtual router', 'None']) {
  test(`create a virtual service with provider ${provider}`, async ({ page, api, mesh }) => {
    await appmesh.createNode(api, mesh, 'orders-v1');
    await appmesh.createRouter(api, mesh, 'orders-router');
    const name = `orders-${provider.replace(' ', '-').toLowerCase()}.default.svc.cluster.local`;
    await openWizard(page, mesh);
    await page.getByLabel('Virtual service name').fill(name);
    await next(page);

    await expect(page.getByRole('heading', { name: 'Step 2 of 4: Provider' })).toBeVisible();
    await page.getByRole('radio', { name: provider, exact: true }).check();
    if (provider === 'Virtual node') {
      await page.getByLabel('Virtual node', { exact: true }).and(page.getByRole('combobox')).selectOption('orders-v1');
      await expect(page.getByText('default Envoy route retry policy')).toBeVisible();
    } else if (provider === 'Virtual router') {
      await page.getByRole('combobox', { name: 'Virtual router' }).selectOption('orders-router');
      await expect(page.getByText('default Envoy route retry policy')).toHaveCount(0);
    }
    await expectAccessible(page, 'the provider step');
    await next(page);

    await expect(page.getByRole('heading', { name: 'Step 3 of 4: Tags' })).toBeVisible();
    if (provider === 'None') {
      await page.getByRole('button', { name: 'Add tag' }).click();
      await page.getByLabel('Key of tag 1').fill('team');
      await page.getByLabel('Value of tag 1').fill('orders');
    }
    await next(page);

    await expect(page.getByRole('heading', { name: 'Step 4 of 4: Review and create' })).toBeVisible();
    await expect(page.locator('pre.command')).toContainText(`--virtual-service-name '${name}'`);
    await expectAccessible(page, 'the review step');
    await page.getByRole('button', { name: 'Create virtual service' }).click();

    await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}/virtual-services/${name.replaceAll('.', '\\.')}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByText(`Virtual service ${name} created.`)).toBeVisible();
    const providerCell = page.locator('dt', { hasText: 'Provider' }).locator('xpath=following-sibling::dd');
    if (provider === 'Virtual node') await expect(providerCell).toHaveText('Virtual node orders-v1');
    if (provider === 'Virtual router') await expect(providerCell).toHaveText('Virtual router orders-router');
    if (provider === 'None') {
      await expect(providerCell).toHaveText('None');
      await expect(page.getByRole('cell', { name: 'orders' })).toBeVisible();
    }
    await expectAccessible(page, 'the details page');
    const stored = await appmesh.describeService(api, mesh, name);
    expect(stored.metadata.version).toBe(1);
  });
}

test('name errors appear and clear as the user types', async ({ page, mesh }) => {
  await openWizard(page, mesh);
  const field = page.getByLabel('Virtual service name');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await field.fill('-orders.local');
  await expect(page.getByText('cannot start or end with a hyphen')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAttribute('aria-describedby', /virtual-service-name-error/);
  await field.fill('orders.local');
  await expect(page.getByText('cannot start or end with a hyphen')).toHaveCount(0);
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await field.fill('localhost');
  await expect(page.getByText('non-loopback IP address', { exact: false }).last()).toBeVisible();
  await field.fill('Orders.Local');
  await expect(page.getByText('lower case is usual')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await field.fill('');
  await next(page);
  await expect(page.getByText('Enter a virtual service name.')).toBeVisible();
  await expect(field).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Step 1 of 4: Name' })).toBeVisible();
});

test('the name hint states the rules the engine applies, and the tags step refuses AWS\'s reserved prefix', async ({ page, mesh }) => {
  await openWizard(page, mesh);
  const field = page.getByLabel('Virtual service name');
  await expect(page.getByText('A DNS name of up to 255 characters: letters, digits and hyphens')).toBeVisible();
  await field.fill('orders.default.');
  await expect(page.getByText('Leave out the final dot')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await field.fill('localhost.localdomain');
  await expect(page.getByText('non-loopback IP address', { exact: false }).last()).toBeVisible();
  await field.fill('orders_v2.local');
  await expect(page.getByText("'_' is not allowed")).toBeVisible();
  await field.fill('orders.default');
  await expect(page.getByText("'_' is not allowed")).toHaveCount(0);
  await next(page);
  await expect(page.getByRole('heading', { name: 'Step 2 of 4: Provider' })).toBeVisible();
  await next(page);
  await expect(page.getByRole('heading', { name: 'Step 3 of 4: Tags' })).toBeVisible();
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key of tag 1').fill('aws:owner');
  await next(page);
  await expect(page.getByText('The key must not start with "aws:" (AWS reserves the aws: prefix for its own tags).')).toBeVisible();
  await expect(page.getByLabel('Key of tag 1')).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Step 3 of 4: Tags' })).toBeVisible();
});

test('a duplicate name is caught before submit', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'taken.local');
  await openWizard(page, mesh);
  await page.getByLabel('Virtual service name').fill('taken.local');
  await expect(page.getByText('A virtual service named taken.local already exists in this mesh.')).toBeVisible();
  await next(page);
  await expect(page.getByRole('heading', { name: 'Step 1 of 4: Name' })).toBeVisible();
});

test('a provider kind needs a target, and Next is blocked until it has one', async ({ page, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'n1');
  await openWizard(page, mesh);
  await page.getByLabel('Virtual service name').fill('svc.local');
  await next(page);
  await page.getByRole('radio', { name: 'Virtual router', exact: true }).check();
  await expect(page.getByRole('combobox', { name: 'Virtual router' })).toContainText('No virtual routers in this mesh');
  await expect(page.getByRole('link', { name: 'Create virtual router' })).toBeVisible();
  await next(page);
  await expect(page.getByText('Choose a virtual router.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Step 2 of 4: Provider' })).toBeVisible();
  await page.getByRole('radio', { name: 'Virtual node', exact: true }).check();
  await page.getByRole('combobox', { name: 'Virtual node' }).selectOption('n1');
  await expect(page.getByText('Choose a virtual router.')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Virtual node' })).toHaveAttribute('aria-invalid', 'false');
  await next(page);
  await expect(page.getByRole('heading', { name: 'Step 3 of 4: Tags' })).toBeVisible();
});

test('a reload or a fresh tab at every step shows the same wizard', async ({ page, context, api, mesh }) => {
  await appmesh.createNode(api, mesh, 'n1');
  await openWizard(page, mesh);
  const expectSame = async (target, step) => {
    await expect(target.getByRole('heading', { name: step })).toBeVisible();
    if (step.includes('Name')) await expect(target.getByLabel('Virtual service name')).toHaveValue('kept.local');
    if (step.includes('Provider')) await expect(target.getByRole('combobox', { name: 'Virtual node' })).toHaveValue('n1');
    if (step.includes('Tags')) await expect(target.getByLabel('Value of tag 1')).toHaveValue('v 1');
    if (step.includes('Review')) await expect(target.locator('pre.command')).toContainText('kept.local');
  };
  const check = async (step) => {
    await page.reload();
    await expectSame(page, step);
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expectSame(fresh, step);
    await fresh.close();
  };
  await page.getByLabel('Virtual service name').fill('kept.local');
  await expect(page).toHaveURL(/name=kept\.local/);
  await check('Step 1 of 4: Name');
  await next(page);
  await page.getByRole('radio', { name: 'Virtual node', exact: true }).check();
  await page.getByRole('combobox', { name: 'Virtual node' }).selectOption('n1');
  await check('Step 2 of 4: Provider');
  await next(page);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key of tag 1').fill('k1');
  await page.getByLabel('Value of tag 1').fill('v 1');
  await check('Step 3 of 4: Tags');
  await next(page);
  await check('Step 4 of 4: Review and create');
  await page.getByRole('button', { name: 'Previous' }).click();
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByRole('combobox', { name: 'Virtual node' })).toHaveValue('n1');
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByLabel('Virtual service name')).toHaveValue('kept.local');
});

test('a server error on create shows on the wizard with every value kept', async ({ page, api, mesh }) => {
  await openWizard(page, mesh);
  await page.getByLabel('Virtual service name').fill('race.local');
  await next(page);
  await next(page);
  await next(page);
  await appmesh.createService(api, mesh, 'race.local'); // someone else was faster
  await page.getByRole('button', { name: 'Create virtual service' }).click();
  await expect(page.getByRole('alert')).toContainText('already exists');
  await expect(page.getByRole('heading', { name: 'Step 4 of 4: Review and create' })).toBeVisible();
  await expect(page.locator('pre.command')).toContainText('race.local');
});

test('the whole wizard works from the keyboard alone', async ({ page, api, mesh }) => {
  await appmesh.createRouter(api, mesh, 'r1');
  await page.goto(`/meshes/${mesh}/virtual-services/create`);
  await page.getByLabel('Virtual service name').focus();
  await page.keyboard.type('keys.local');
  const pressNext = async () => {
    await page.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
  };
  await pressNext();
  await expect(page.getByRole('heading', { name: 'Step 2 of 4: Provider' })).toBeFocused();
  await page.getByRole('radio', { name: 'Virtual router', exact: true }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('combobox', { name: 'Virtual router' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('combobox', { name: 'Virtual router' })).toHaveValue('r1');
  await pressNext();
  await pressNext();
  await page.getByRole('button', { name: 'Create virtual service' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'keys.local' })).toBeVisible();
});
