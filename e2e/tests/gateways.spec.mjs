import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh, ok } from './appmesh.mjs';

const value = (page, label) => page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');

test('a virtual gateway, a gateway route to a virtual service, and the order they are deleted in', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'orders.local');

  await page.goto(`/meshes/${mesh}/virtual-gateways`);
  await expect(page.getByText('No virtual gateways')).toBeVisible();
  await page.getByRole('link', { name: 'Create virtual gateway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create virtual gateway' })).toBeVisible();
  await page.getByLabel('Virtual gateway name').fill('ingress');
  await expect(page.getByLabel('Protocol of listener 1').locator('option')).toHaveText(['http', 'http2', 'grpc']);
  await page.getByLabel('Port of listener 1').fill('8080');
  await page.getByLabel('Access log path').fill('stdout');
  await page.getByRole('button', { name: 'Create virtual gateway' }).click();
  await expect(page.getByLabel('Access log path')).toBeFocused();
  await page.getByLabel('Access log path').fill('/dev/stdout');
  await expectAccessible(page, 'create virtual gateway');
  await page.getByRole('button', { name: 'Create virtual gateway' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ingress' })).toBeVisible();
  await expect(page.getByText('Virtual gateway ingress created.')).toBeVisible();
  await expect(value(page, 'Listeners')).toHaveText('Port 8080 http; health check: None; TLS mode: None');
  await expect(value(page, 'Access log')).toHaveText('/dev/stdout');
  await expect(page.getByText('No gateway routes.')).toBeVisible();

  await page.getByRole('link', { name: 'Create gateway route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create gateway route' })).toBeVisible();
  await page.getByLabel('Gateway route name').fill('orders-route');
  await expect(page.getByRole('radio', { name: 'HTTP', exact: true })).toBeChecked();
  await page.getByLabel('Prefix', { exact: true }).fill('/orders');
  await page.getByRole('button', { name: 'Create gateway route' }).click();
  await expect(page.getByText('Choose the virtual service to send requests to.')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Virtual service' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Virtual service' }).selectOption('orders.local');
  await page.getByLabel('Priority').fill('10');
  await expectAccessible(page, 'create gateway route');
  await page.getByRole('button', { name: 'Create gateway route' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'orders-route' })).toBeVisible();
  await expect(page.getByText('Gateway route orders-route created.')).toBeVisible();
  await expect(value(page, 'Type')).toHaveText('HTTP');
  await expect(value(page, 'Match')).toHaveText('prefix /orders');
  await expect(value(page, 'Target').getByRole('link', { name: 'orders.local' })).toBeVisible();
  await expect(value(page, 'Priority')).toHaveText('10');
  await expectAccessible(page, 'gateway route details');

  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit orders-route' })).toBeVisible();
  await expect(page.getByLabel('Prefix', { exact: true })).toHaveValue('/orders');
  await expectAccessible(page, 'edit gateway route');
  await page.getByLabel('Prefix', { exact: true }).fill('/shop');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Gateway route orders-route updated.')).toBeVisible();
  await expect(value(page, 'Match')).toHaveText('prefix /shop');
  await expect(value(page, 'Version')).toHaveText('2');

  await page.getByRole('navigation', { name: 'Breadcrumbs' }).getByRole('link', { name: 'ingress' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ingress' })).toBeVisible();
  const routes = page.getByRole('table', { name: 'Gateway routes of ingress' });
  const row = routes.getByRole('row', { name: /orders-route/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText('HTTP');
  await expect(row.getByRole('cell').nth(2)).toHaveText('prefix /shop');
  await expect(row.getByRole('link', { name: 'orders.local' })).toBeVisible();
  await expect(row.getByRole('cell').nth(4)).toHaveText('10');
  await expectAccessible(page, 'virtual gateway details');

  // The gateway route's target cannot go while the route sends to it.
  await page.goto(`/meshes/${mesh}/virtual-services/orders.local`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const serviceDialog = page.getByRole('dialog', { name: 'Delete virtual service orders.local?' });
  await serviceDialog.getByLabel('To confirm, type delete').fill('delete');
  await serviceDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(serviceDialog.getByRole('alert')).toContainText('orders-route');
  // Refused: the dialog no longer offers a Delete that cannot succeed.
  await expect(serviceDialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await serviceDialog.getByRole('button', { name: 'Close' }).click();

  // Nor the gateway while it has a gateway route: the dialog says so before and after trying.
  await page.goto(`/meshes/${mesh}/virtual-gateways/ingress`);
  await page.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete virtual gateway ingress?' });
  await expect(dialog.getByText('App Mesh will refuse to delete it')).toBeVisible();
  await expect(dialog.getByRole('link', { name: 'orders-route' })).toBeVisible();
  await expect(dialog.getByLabel('To confirm, type delete')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveCount(0);
  await expectAccessible(page, 'the refused gateway delete');
  await dialog.getByRole('link', { name: 'orders-route' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'orders-route' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  const routeDialog = page.getByRole('dialog', { name: 'Delete gateway route orders-route?' });
  await routeDialog.getByLabel('To confirm, type delete').fill('delete');
  await routeDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Gateway route orders-route deleted.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'ingress' })).toBeVisible();
  await expect(page.getByText('No gateway routes.')).toBeVisible();

  await page.getByRole('button', { name: 'Delete' }).click();
  await dialog.getByLabel('To confirm, type delete').fill('delete');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Virtual gateway ingress deleted.')).toBeVisible();
  await expect(page.getByText('No virtual gateways')).toBeVisible();
});

test('editing a gateway and a gateway route keeps what the forms do not show', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'orders.local');
  const listener = {
    portMapping: { port: 8080, protocol: 'http' },
    healthCheck: { healthyThreshold: 2, intervalMillis: 5000, protocol: 'http', timeoutMillis: 2000, unhealthyThreshold: 3, path: '/ping' },
  };
  const gatewaySpec = { listeners: [listener], backendDefaults: { clientPolicy: { tls: { enforce: false, validation: { trust: { file: { certificateChain: '/ca.pem' } } } } } } };
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualGateways`, { virtualGatewayName: 'gw', spec: gatewaySpec });
  const routeSpec = {
    httpRoute: {
      match: { prefix: '/orders', headers: [{ name: 'x-canary', match: { exact: '1' } }] },
      action: { target: { virtualService: { virtualServiceName: 'orders.local' } }, rewrite: { hostname: { defaultTargetHostname: 'DISABLED' } } },
    },
  };
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualGateway/gw/gatewayRoutes`, { gatewayRouteName: 'r1', spec: routeSpec });

  await page.goto(`/meshes/${mesh}/virtual-gateways/gw`);
  await expect(value(page, 'Listeners')).toHaveText('Port 8080 http; health check: http /ping every 5000 ms; TLS mode: None');
  await expect(value(page, 'Backend defaults')).toHaveText('TLS not enforced');
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit gw' })).toBeVisible();
  await expectAccessible(page, 'edit virtual gateway');
  await page.getByLabel('Protocol of listener 1').selectOption('http2');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Virtual gateway gw updated.')).toBeVisible();
  const gateway = await ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualGateways/gw`);
  expect(gateway.spec.listeners[0].portMapping).toEqual({ port: 8080, protocol: 'http2' });
  expect(gateway.spec.listeners[0].healthCheck.path).toBe('/ping');
  expect(gateway.spec.backendDefaults).toEqual(gatewaySpec.backendDefaults);

  await page.goto(`/meshes/${mesh}/virtual-gateways/gw/gateway-routes/r1/edit`);
  await page.getByLabel('Hostname', { exact: true }).fill('api.example.com');
  await page.getByRole('radio', { name: 'Rewrite the prefix' }).check();
  await page.getByLabel('New prefix').fill('/v2/');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Gateway route r1 updated.')).toBeVisible();
  await expect(value(page, 'Match')).toHaveText('prefix /orders, hostname api.example.com, and 1 more condition');
  const route = await ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualGateway/gw/gatewayRoutes/r1`);
  expect(route.spec.httpRoute.match.headers).toEqual(routeSpec.httpRoute.match.headers);
  expect(route.spec.httpRoute.action.rewrite).toEqual({ hostname: { defaultTargetHostname: 'DISABLED' }, prefix: { value: '/v2/' } });
});

test('a gRPC gateway route matches a service name', async ({ page, api, mesh }) => {
  await appmesh.createService(api, mesh, 'orders.local');
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualGateways`, { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'grpc' } }] } });
  await page.goto(`/meshes/${mesh}/virtual-gateways/gw/gateway-routes/create`);
  await page.getByLabel('Gateway route name').fill('orders-grpc');
  await page.getByRole('radio', { name: 'gRPC' }).check();
  await expect(page.getByLabel('Prefix', { exact: true })).toHaveCount(0);
  await page.getByLabel('Service name').fill('orders.Orders');
  await page.getByRole('combobox', { name: 'Virtual service' }).selectOption('orders.local');
  await page.getByLabel('Priority').fill('1001');
  await page.getByRole('button', { name: 'Create gateway route' }).click();
  await expect(page.getByLabel('Priority')).toBeFocused();
  await expect(page.getByText('Enter a whole number from 0 to 1000, or leave it empty.')).toBeVisible();
  await page.getByLabel('Priority').fill('');
  await expectAccessible(page, 'create gRPC gateway route');
  await page.getByRole('button', { name: 'Create gateway route' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'orders-grpc' })).toBeVisible();
  await expect(value(page, 'Type')).toHaveText('gRPC');
  await expect(value(page, 'Match')).toHaveText('service orders.Orders');
  const stored = await ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualGateway/gw/gatewayRoutes/orders-grpc`);
  expect(stored.spec).toEqual({ grpcRoute: { match: { serviceName: 'orders.Orders' }, action: { target: { virtualService: { virtualServiceName: 'orders.local' } } } } });
});
