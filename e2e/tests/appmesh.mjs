// Test data made through the App Mesh API itself (what the AWS CLI sends), and removed after.
import { expect } from '@playwright/test';

const api = '/v20190125';

export function uniqueName(prefix) {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

async function call(request, method, path, body) {
  const response = await request.fetch(`${api}${path}`, { method, data: body });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

export const appmesh = {
  createMesh: (request, mesh) => call(request, 'PUT', '/meshes', { meshName: mesh }),
  createNode: (request, mesh, name) => call(request, 'PUT', `/meshes/${mesh}/virtualNodes`, { virtualNodeName: name, spec: {} }),
  createRouter: (request, mesh, name) => call(request, 'PUT', `/meshes/${mesh}/virtualRouters`, { virtualRouterName: name, spec: {} }),
  createService: (request, mesh, name, provider) =>
    call(request, 'PUT', `/meshes/${mesh}/virtualServices`, { virtualServiceName: name, spec: provider ? { provider } : {} }),
  describeService: (request, mesh, name) => call(request, 'GET', `/meshes/${mesh}/virtualServices/${encodeURIComponent(name)}`),

  /** Deletes a mesh and everything in it. */
  async deleteMesh(request, mesh) {
    const list = async (kind, key) => {
      const response = await request.get(`${api}/meshes/${mesh}/${kind}`);
      return response.ok() ? (await response.json())[kind].map((item) => item[key]) : [];
    };
    for (const name of await list('virtualServices', 'virtualServiceName')) {
      await request.delete(`${api}/meshes/${mesh}/virtualServices/${encodeURIComponent(name)}`);
    }
    for (const name of await list('virtualNodes', 'virtualNodeName')) await request.delete(`${api}/meshes/${mesh}/virtualNodes/${name}`);
    for (const name of await list('virtualRouters', 'virtualRouterName')) await request.delete(`${api}/meshes/${mesh}/virtualRouters/${name}`);
    await request.delete(`${api}/meshes/${mesh}`);
  },
};
