// Seeing a mesh and moving its configuration: the topology, the configuration checks (per
// mesh, per resource, each with its explanation), the export tab of a details page, and the
// import of a CloudFormation template with its preview. The backend does the work (the
// console's own API, answered by the server or by the engine in the browser).
import { test, expect, expectAccessible } from './fixtures.mjs';
import { appmesh, ok, uniqueName } from './appmesh.mjs';

const http = { portMapping: { port: 8080, protocol: 'http' } };

/** A gateway, a gateway route to a service, its router with a 90/10 route, and a node whose backend does not exist. */
async function meshWithTraffic(api, mesh) {
  const node = (name, backends) => ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualNodes`, {
    virtualNodeName: name, spec: { listeners: [http], serviceDiscovery: { dns: { hostname: `${name}.example.internal` } }, backends },
  });
  await node('orders-v1', [{ virtualService: { virtualServiceName: 'missing.local' } }]);
  await node('orders-v2', []);
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualRouters`, { virtualRouterName: 'orders-router', spec: { listeners: [http] } });
  await appmesh.createRoute(api, mesh, 'orders-router', 'split', {
    httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualNode: 'orders-v1', weight: 90 }, { virtualNode: 'orders-v2', weight: 10 }] } },
  });
  await appmesh.createService(api, mesh, 'orders.local', { virtualRouter: { virtualRouterName: 'orders-router' } });
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualGateways`, { virtualGatewayName: 'ingress', spec: { listeners: [http] } });
  await ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualGateway/ingress/gatewayRoutes`, {
    gatewayRouteName: 'to-orders', spec: { httpRoute: { match: { prefix: '/' }, action: { target: { virtualService: { virtualServiceName: 'orders.local' } } } } },
  });
}

test('the topology draws every resource as a link, the route shares and the check badges', async ({ page, api, mesh }) => {
  await meshWithTraffic(api, mesh);
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await page.getByRole('navigation', { name: 'Mesh sections' }).getByRole('link', { name: 'Topology' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Topology' })).toBeVisible();
  const graph = page.getByRole('group', { name: 'Topology of the mesh' });
  for (const [name, href] of [
    [/^Virtual gateway ingress/, `/meshes/${mesh}/virtual-gateways/ingress`],
    [/^Gateway route to-orders.*, of ingress/, `/meshes/${mesh}/virtual-gateways/ingress/gateway-routes/to-orders`],
    [/^Virtual service orders\.local/, `/meshes/${mesh}/virtual-services/orders.local`],
    [/^Virtual router orders-router/, `/meshes/${mesh}/virtual-routers/orders-router`],
    [/^Route split.*, of orders-router/, `/meshes/${mesh}/virtual-routers/orders-router/routes/split`],
    [/^Virtual node orders-v2/, `/meshes/${mesh}/virtual-nodes/orders-v2`],
  ]) {
    await expect(graph.getByRole('link', { name })).toHaveAttribute('href', href);
  }
  await expect(graph.getByText('90%')).toBeVisible();
  await expect(graph.getByText('10%')).toBeVisible();
  // The dangling backend is a check's finding, on the node's box.
  await expect(graph.getByRole('link', { name: /^Virtual node orders-v1.*, findings AM\d{4}.*\(worst: error\)/ })).toBeVisible();
  const connections = page.getByRole('table', { name: 'Connections' });
  await expect(connections.getByRole('row', { name: /Route split.*Virtual node orders-v1.*90%/ })).toBeVisible();
  await expectAccessible(page, 'the topology');

  // Keyboard: the boxes are in the tab order, column by column.
  await graph.getByRole('link', { name: /^Virtual gateway ingress/ }).focus();
  await page.keyboard.press('Tab');
  await expect(graph.getByRole('link', { name: /^Gateway route to-orders/ })).toBeFocused();

  await page.getByLabel('Highlight a virtual service').selectOption('orders.local');
  await expect(page).toHaveURL(/focus=orders\.local/);
  await page.reload();
  await expect(page.getByLabel('Highlight a virtual service')).toHaveValue('orders.local');
  await graph.getByRole('link', { name: /^Virtual node orders-v2/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'orders-v2' })).toBeVisible();
});

test('checks: per mesh by severity, on the resource, and each explained', async ({ page, api, mesh }) => {
  await meshWithTraffic(api, mesh);
  await page.goto(`/meshes/${mesh}/virtual-services`);
  await page.getByRole('navigation', { name: 'Mesh sections' }).getByRole('link', { name: 'Checks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checks' })).toBeVisible();
  const findings = page.getByRole('table', { name: 'Findings' });
  const dangling = findings.getByRole('row', { name: /virtualNode orders-v1.*missing\.local/ });
  await expect(dangling).toBeVisible();
  await expect(dangling.getByRole('cell').nth(1)).toHaveText('Error');
  await expectAccessible(page, 'the checks page');

  await page.getByLabel('Severity').selectOption('info');
  await expect(page).toHaveURL(/severity=info/);
  await expect(findings.getByRole('row', { name: /virtualNode orders-v1.*missing\.local/ })).toHaveCount(0);
  await page.getByLabel('Severity').selectOption('error');
  const code = (await dangling.getByRole('link').first().textContent()).trim();

  await dangling.getByRole('link', { name: 'virtualNode orders-v1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'orders-v1' })).toBeVisible();
  const onPage = page.getByRole('region', { name: 'Checks' });
  await expect(onPage).toContainText('missing.local');
  await onPage.getByRole('link', { name: code }).click();
  await expect(page).toHaveURL(new RegExp(`/checks/${code}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^${code}: `) })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
  await expectAccessible(page, 'a check explanation');
});

test('a details page exports its resource in every form, the format kept in the URL', async ({ page, api, mesh }) => {
  await meshWithTraffic(api, mesh);
  await page.goto(`/meshes/${mesh}/virtual-services/orders.local`);
  const exportFormat = page.getByLabel('Export format');
  await exportFormat.selectOption({ label: 'AWS CLI commands' });
  await expect(page).toHaveURL(/export=cli/);
  const text = page.getByLabel('Exported text');
  await expect(text).toContainText('aws appmesh create-virtual-service');
  await expect(text).toContainText('orders-router');
  await expect(page.getByRole('button', { name: /^Download .*orders\.local/ })).toBeVisible();
  await expectAccessible(page, 'the export panel');

  await page.reload();
  await expect(page.getByLabel('Exported text')).toContainText('aws appmesh create-virtual-service');
  await exportFormat.selectOption({ label: 'Migration to Istio' });
  await expect(text).toContainText('kind: VirtualService');
  // A service alone: its routes are its router's, so the report says what is not there.
  await exportFormat.selectOption({ label: 'Migration to Kubernetes Gateway API (VPC Lattice)' });
  await expect(text).toContainText('Migration report (gateway-api)');
  await exportFormat.selectOption({ label: 'CloudFormation template (YAML)' });
  await expect(text).toContainText('AWS::AppMesh::VirtualService');
});

const template = (mesh) => `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Port:
    Type: Number
Resources:
  Mesh:
    Type: AWS::AppMesh::Mesh
    Properties:
      MeshName: ${mesh}
  Node:
    Type: AWS::AppMesh::VirtualNode
    Properties:
      MeshName: !GetAtt Mesh.MeshName
      VirtualNodeName: web
      Spec:
        Listeners:
          - PortMapping: { Port: !Ref Port, Protocol: http }
        ServiceDiscovery:
          DNS: { Hostname: web.example.internal }
  Service:
    Type: AWS::AppMesh::VirtualService
    Properties:
      MeshName: !GetAtt Mesh.MeshName
      VirtualServiceName: web.local
      Spec:
        Provider:
          VirtualNode: { VirtualNodeName: !GetAtt Node.VirtualNodeName }
  Bucket:
    Type: AWS::S3::Bucket
`;

test('import: a CloudFormation template previewed, its parameter filled in, applied whole, and again unchanged', async ({ page, api }) => {
  const mesh = uniqueName('imported');
  try {
    await page.goto('/meshes');
    await page.getByRole('link', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeVisible();
    await page.getByLabel('Or paste it here').fill(template(mesh));
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'CloudFormation template: 3 to create, 0 to update, 0 unchanged' })).toBeVisible();
    const resources = page.getByRole('table', { name: 'Resources to import' });
    await expect(resources.getByRole('row', { name: /virtualNode web .*Node \(line \d+\)/ })).toBeVisible();
    await expect(page.getByText(/Bucket.*AWS::S3::Bucket/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await expectAccessible(page, 'the import preview');

    await page.getByLabel('Port', { exact: true }).fill('8080');
    await page.getByRole('button', { name: 'Preview again' }).click();
    await expect(page.getByRole('button', { name: 'Apply' })).toBeEnabled();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Imported: 3 created, 0 updated, 0 unchanged.')).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/meshes/${mesh}$`));
    const node = await ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualNodes/web`);
    expect(node.spec.listeners[0].portMapping).toEqual({ port: 8080, protocol: 'http' });

    await page.goto('/import');
    await page.getByLabel('Or paste it here').fill(template(mesh));
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByLabel('Port', { exact: true }).fill('8080');
    await page.getByRole('button', { name: 'Preview again' }).click();
    await expect(page.getByRole('status').filter({ hasText: '0 to create, 0 to update, 3 unchanged' })).toBeVisible();
  } finally {
    await appmesh.deleteMesh(api, mesh);
  }
});

test('import: a file with an error shows it with its line and changes nothing', async ({ page, api }) => {
  const mesh = uniqueName('broken');
  const broken = template(mesh).replace('Protocol: http', 'Protocol: carrier-pigeon');
  await page.goto('/import');
  await page.getByLabel('Or paste it here').fill(broken);
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByLabel('Port', { exact: true }).fill('8080');
  await page.getByRole('button', { name: 'Preview again' }).click();
  const row = page.getByRole('table', { name: 'Resources to import' }).getByRole('row', { name: /virtualNode web/ });
  await expect(row).toContainText('Cannot import');
  await expect(row).toContainText(/line \d+/);
  await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
  expect((await api.call('GET', `/v20190125/meshes/${mesh}`)).status).toBe(404);
});
