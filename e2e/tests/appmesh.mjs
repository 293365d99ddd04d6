// Test data made through the App Mesh API itself (what the AWS CLI sends), and removed after.
// `api` is the fixture of that name: the server's HTTP API, or in browser mode the same API
// answered by the engine in the page's own localStorage.
import { expect, test } from '@playwright/test';

export function uniqueName(prefix) {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** An API call that must succeed; its JSON answer. */
export async function ok(api, method, path, body, options) {
  const answer = await api.call(method, path, body, options);
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(200);
  return JSON.parse(answer.text);
}

/**
 * In browser mode, waits until a change made by the API tab has reached the console's tab:
 * its store holds `text` (or no longer does, when `gone`).
 */
export async function reached(page, text, { gone = false } = {}) {
  if (test.info().project.name !== 'browser') return;
  if (page.url() === 'about:blank') await page.goto('/meshes');
  const settled = async () => {
    // The page may be loading afresh (the wizard does when a step is wrong): asked again.
    const store = await page.evaluate(() => localStorage.getItem('mesh-console.store') ?? '').catch(() => null);
    return store !== null && store.includes(text) !== gone;
  };
  await expect.poll(settled).toBe(true);
}

export const appmesh = {
  createMesh: (api, mesh, options) => ok(api, 'PUT', '/v20190125/meshes', { meshName: mesh }, options),
  createNode: (api, mesh, name) => ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualNodes`, { virtualNodeName: name, spec: {} }),
  createRouter: (api, mesh, name) => ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualRouters`, { virtualRouterName: name, spec: {} }),
  createRoute: (api, mesh, router, name, spec) => ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualRouter/${router}/routes`, { routeName: name, spec }),
  describeRoute: (api, mesh, router, name) => ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualRouter/${router}/routes/${name}`),
  createService: (api, mesh, name, provider) =>
    ok(api, 'PUT', `/v20190125/meshes/${mesh}/virtualServices`, { virtualServiceName: name, spec: provider ? { provider } : {} }),
  describeService: (api, mesh, name) => ok(api, 'GET', `/v20190125/meshes/${mesh}/virtualServices/${encodeURIComponent(name)}`),

  /** Shares a mesh of `owner` with `account` through AWS RAM's API. */
  shareMesh: (api, owner, mesh, account) =>
    ok(api, 'POST', '/createresourceshare', { name: `share-${mesh}`, resourceArns: [`arn:aws:appmesh:us-east-1:${owner}:mesh/${mesh}`], principals: [account] }, { as: owner }),

  /** Deletes a mesh and everything in it (as its owner when `options.as` says so). */
  async deleteMesh(api, mesh, options) {
    const list = async (kind, key) => {
      const answer = await api.call('GET', `/v20190125/meshes/${mesh}/${kind}`, undefined, options);
      return answer.status === 200 ? JSON.parse(answer.text)[kind].map((item) => item[key]) : [];
    };
    for (const gateway of await list('virtualGateways', 'virtualGatewayName')) {
      const routes = await api.call('GET', `/v20190125/meshes/${mesh}/virtualGateway/${gateway}/gatewayRoutes`, undefined, options);
      const names = routes.status === 200 ? JSON.parse(routes.text).gatewayRoutes.map((route) => route.gatewayRouteName) : [];
      for (const name of names) await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualGateway/${gateway}/gatewayRoutes/${name}`, undefined, options);
      await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualGateways/${gateway}`, undefined, options);
    }
    // Routes first: they keep their router, and the nodes they target, from deletion.
    for (const router of await list('virtualRouters', 'virtualRouterName')) {
      const answer = await api.call('GET', `/v20190125/meshes/${mesh}/virtualRouter/${router}/routes`, undefined, options);
      const routes = answer.status === 200 ? JSON.parse(answer.text).routes.map((route) => route.routeName) : [];
      for (const route of routes) await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualRouter/${router}/routes/${route}`, undefined, options);
    }
    for (const name of await list('virtualServices', 'virtualServiceName')) {
      await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualServices/${encodeURIComponent(name)}`, undefined, options);
    }
    for (const name of await list('virtualNodes', 'virtualNodeName')) await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualNodes/${name}`, undefined, options);
    for (const name of await list('virtualRouters', 'virtualRouterName')) await api.call('DELETE', `/v20190125/meshes/${mesh}/virtualRouters/${name}`, undefined, options);
    await api.call('DELETE', `/v20190125/meshes/${mesh}`, undefined, options);
  },
};

/** The server's API over HTTP; `as` signs as another account (a 12-digit access key id). */
export function serverApi(request) {
  return {
    async call(method, path, body, { as } = {}) {
      const headers = as ? { authorization: `AWS4-HMAC-SHA256 Credential=${as}/20261126/us-east-1/appmesh/aws4_request, SignedHeaders=host, Signature=0` } : {};
      const response = await request.fetch(path, { method, data: body, headers });
      return { status: response.status(), text: await response.text() };
    },
  };
}

/**
 * The same API in browser mode: a second tab of the test's browser context, on the console's
 * origin, calls the engine the console loads, so both read and write the same localStorage.
 * localStorage reaches other tabs a moment after a write, so each call waits until every
 * open console tab holds the same store, as a person switching tabs would find it: before the
 * call, so it reads what the console wrote, and after, so the console sees what it wrote.
 */
export async function browserApi(context) {
  const tab = await context.newPage();
  await tab.goto('/engine/mesh_browser_engine.js');
  const stored = (page) => page.evaluate(() => localStorage.getItem('mesh-console.store')).catch(() => undefined);
  const settled = async () => {
    const ours = await stored(tab);
    const origin = new URL(tab.url()).origin;
    const consoles = context.pages().filter((page) => page !== tab && !page.isClosed() && page.url().startsWith(origin));
    for (const page of consoles) if ((await stored(page)) !== ours) return false;
    return true;
  };
  const settle = () => expect.poll(settled, { message: 'the console tabs and the API tab hold the same store' }).toBe(true);
  return {
    async call(method, path, body, { as } = {}) {
      await settle();
      const reply = await tab.evaluate(async ({ method, path, body, as }) => {
        const engine = await import('/engine/mesh_browser_engine.js');
        globalThis.engineStarted ??= engine.default();
        await globalThis.engineStarted;
        const reply = engine.handle(method, path, body, as);
        return { status: reply.status, text: reply.body };
      }, { method, path, body: body === undefined ? undefined : JSON.stringify(body), as });
      await settle();
      return reply;
    },
    close: () => tab.close(),
  };
}
