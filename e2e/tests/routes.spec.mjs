import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh } from './appmesh.mjs';

const value = (page, label) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
const share = (page, number) => page.getByLabel(`Share of target ${number}`);

/** Fills target `number` of the open route form. */
async function fillTarget(page, number, node, weight) {
  await page.getByLabel(`Virtual node of target ${number}`).selectOption(node);
  await page.getByLabel(`Weight of target ${number}`).fill(weight);
}

test('routes with weighted targets: create, see the shares, edit, and what a delete needs', async ({ page, api, mesh }) => {
  await appmesh.createRouter(api, mesh, 'orders-router');
  await appmesh.createNode(api, mesh, 'orders-v1');
  await appmesh.createNode(api, mesh, 'orders-v2');
  await page.goto(`/meshes/${mesh}/virtual-routers/orders-router`);
  await expect(page.getByText('traffic sent to it is not routed until it has a route')).toBeVisible();

  await page.getByRole('link', { name: 'Create route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create route' })).toBeVisible();
  await page.getByLabel('Route name').fill('orders');
  await expect(page.getByLabel('Prefix')).toHaveValue('/');
  await fillTarget(page, 1, 'orders-v1', '90');
  await expect(share(page, 1)).toHaveText('100%');
  await page.getByRole('button', { name: 'Add target' }).click();
  await fillTarget(page, 2, 'orders-v2', '1');
  await expect(share(page, 1)).toHaveText('98.9%');
  await page.getByLabel('Weight of target 2').fill('10');
  await expect(share(page, 1)).toHaveText('90%');
  await expect(share(page, 2)).toHaveText('10%');
  await expect(page.getByText('Total weight: 100')).toBeVisible();
  await expectAccessible(page, 'create route');
  await page.getByRole('button', { name: 'Create route' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'orders' })).toBeVisible();
  await expect(page.getByText('Route orders created.')).toBeVisible();
  await expect(value(page, 'Type')).toHaveText('HTTP');
  await expect(value(page, 'Match')).toHaveText('prefix /');
  await expect(value(page, 'Targets')).toHaveText('orders-v1 90%, orders-v2 10%');
  await expectAccessible(page, 'route details');

  // A second route: gRPC, then HTTP/2 on a path, with a priority and a retry policy.
  await page.getByRole('link', { name: 'orders-router' }).first().click();
  await page.getByRole('link', { name: 'Create route' }).click();
  await page.getByLabel('Route name').fill('lookups');
  await page.getByRole('radio', { name: 'gRPC', exact: true }).check();
  await page.getByLabel('Service name').fill('orders.Orders');
  await page.getByRole('radio', { name: 'HTTP/2', exact: true }).check();
  await page.getByLabel('Match path by').selectOption('Exact path');
  await page.getByLabel('Exact path').fill('/orders');
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('Priority').fill('1');
  await fillTarget(page, 1, 'orders-v2', '9');
  await page.getByRole('button', { name: 'Add target' }).click();
  await fillTarget(page, 2, 'orders-v1', '1');
  await page.getByLabel('Retry failed requests').check();
  await page.getByLabel('Max retries').fill('2');
  await page.getByRole('checkbox', { name: 'connection-error' }).check();
  await expectAccessible(page, 'create route with a retry policy');
  await page.getByRole('button', { name: 'Create route' }).click();
  await expect(page.getByText('Route lookups created.')).toBeVisible();
  await expect(value(page, 'Type')).toHaveText('HTTP/2');
  await expect(value(page, 'Match')).toHaveText('GET path /orders');
  await expect(value(page, 'Targets')).toHaveText('orders-v2 90%, orders-v1 10%');
  await expect(value(page, 'Priority')).toHaveText('1');
  await expect(value(page, 'Retry policy')).toHaveText('2 retries, 15 s each, on server-error, gateway-error, connection-error');

  await page.goto(`/meshes/${mesh}/virtual-routers/orders-router`);
  const routes = page.getByRole('table', { name: 'Routes of orders-router' });
  await expect(routes.getByRole('row')).toHaveCount(3);
  await expect(routes.getByRole('row', { name: /^orders HTTP prefix \/ orders-v1 90%, orders-v2 10% None$/ })).toBeVisible();
  await expect(routes.getByRole('row', { name: /^lookups HTTP\/2 GET path \/orders orders-v2 90%, orders-v1 10% 1$/ })).toBeVisible();
  await expectAccessible(page, 'router with routes');

  // Edit: 50/50.
  await routes.getByRole('link', { name: 'orders', exact: true }).click();
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit orders' })).toBeVisible();
  await expect(share(page, 1)).toHaveText('90%');
  await page.getByLabel('Weight of target 1').fill('50');
  await page.getByLabel('Weight of target 2').fill('50');
  await expect(share(page, 1)).toHaveText('50%');
  await expect(share(page, 2)).toHaveText('50%');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Route orders updated.')).toBeVisible();
  await expect(value(page, 'Targets')).toHaveText('orders-v1 50%, orders-v2 50%');
  await expect(value(page, 'Version')).toHaveText('2');
  const stored = await appmesh.describeRoute(api, mesh, 'orders-router', 'orders');
  expect(stored.spec.httpRoute.action.weightedTargets.map((target) => target.weight)).toEqual([50, 50]);

  // The router cannot go while it has routes: the dialog says so before, and the engine's refusal after.
  await page.getByRole('link', { name: 'orders-router' }).first().click();
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete virtual router orders-router?' });
  await expect(dialog.getByText('This virtual router has routes. App Mesh will refuse to delete it until they are deleted:')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'lookups' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expectAccessible(page, 'the refused router delete');
  await dialog.getByRole('link', { name: 'orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'orders' })).toBeVisible();

  // Delete a route.
  await page.getByRole('button', { name: 'Delete' }).click();
  const routeDialog = page.getByRole('dialog', { name: 'Delete route orders?' });
  await routeDialog.getByLabel('To confirm, type delete').fill('delete');
  await routeDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Route orders deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'orders-router' })).toBeVisible();
  await expect(routes.getByRole('row')).toHaveCount(2);
  await page.goto(`/meshes/${mesh}/virtual-routers/orders-router/routes/orders`);
  await expect(page.getByRole('heading', { level: 1, name: 'Route not found' })).toBeVisible();
});

test('the form refuses all-zero weights and an 11th target, and shows the engine refusing a node deleted meanwhile', async ({ page, api, mesh }) => {
  await appmesh.createRouter(api, mesh, 'r1');
  await appmesh.createNode(api, mesh, 'n1');
  await appmesh.createNode(api, mesh, 'n2');
  await page.goto(`/meshes/${mesh}/virtual-routers/r1/routes/create`);
  await page.getByLabel('Route name').fill('zero');
  await fillTarget(page, 1, 'n1', '0');
  await page.getByRole('button', { name: 'Add target' }).click();
  await fillTarget(page, 2, 'n2', '0');
  const allZero = 'Give at least one target a weight above 0: a route whose weights are all 0 sends no traffic.';
  await expect(page.getByText(allZero)).toBeVisible();
  await expect(share(page, 1)).toHaveText('–');
  await page.getByRole('button', { name: 'Create route' }).click();
  await expect(page.getByRole('button', { name: 'Add target' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Create route' })).toBeVisible();
  await page.getByLabel('Weight of target 2').fill('101');
  await expect(page.getByText('Enter a whole number from 0 to 100.')).toBeVisible();
  await page.getByLabel('Weight of target 2').fill('1');
  await expect(page.getByText(allZero)).toBeHidden();

  for (let row = 3; row <= 11; row += 1) await page.getByRole('button', { name: 'Add target' }).click();
  await expect(page.getByText('A route has at most 10 targets (this one has 11): remove 1.')).toBeVisible();
  await expectAccessible(page, 'route form with errors');
  await page.getByRole('button', { name: 'Remove target 11' }).click();
  await expect(page.getByText('A route has at most 10 targets')).toBeHidden();
  for (let row = 10; row >= 3; row -= 1) await page.getByRole('button', { name: `Remove target ${row}` }).click();
  await expect(page.getByLabel('Weight of target 3')).toHaveCount(0);

  await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualNodes/n2`);
  if (test.info().project.name === 'browser') {
    // The form follows another tab's change and marks the stale choice; sent before the
    // change reached this tab, the create would still see n2.
    await expect(page.getByLabel('Virtual node of target 2')).toContainText('n2 (no longer exists)');
  }
  await page.getByRole('button', { name: 'Create route' }).click();
  await expect(page.getByRole('alert')).toContainText('n2');
  await expect(page.getByLabel('Weight of target 2')).toHaveValue('1');
});

test('the wizard says how many routes the chosen router has', async ({ page, api, mesh }) => {
  await appmesh.createRouter(api, mesh, 'empty-router');
  await appmesh.createRouter(api, mesh, 'busy-router');
  await appmesh.createNode(api, mesh, 'n1');
  await appmesh.createRoute(api, mesh, 'busy-router', 'all', { httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualNode: 'n1', weight: 1 }] } } });
  await page.goto(`/meshes/${mesh}/virtual-services/create`);
  await page.getByLabel('Virtual service name').fill('routed.local');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('radio', { name: 'Virtual router', exact: true }).check();
  await page.getByRole('combobox', { name: 'Virtual router' }).selectOption('empty-router');
  await expect(page.getByText('Traffic to this service will not be routed until the router has a route.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a route in empty-router' })).toBeVisible();
  await expectAccessible(page, 'wizard with a router without routes');
  await page.getByRole('combobox', { name: 'Virtual router' }).selectOption('busy-router');
  await expect(page.getByText('busy-router has 1 route.')).toBeVisible();
  await expect(page.getByText('will not be routed')).toBeHidden();
});
