// Test data made through the App Mesh API itself (what the AWS CLI sends), and removed after.
import { expect } from '@playwright/test';

const api = '/v20190125';

export function uniqueName(prefix) {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Signed as another account: a 12-digit access key id names the account. */
export function signedAs(account) {
  return { authorization: `AWS4-HMAC-SHA256 Credential=${account}/20261126/us-east-1/appmesh/aws4_request, SignedHeaders=host, Signature=0` };
}

async function call(request, method, path, body, headers = {}) {
  const response = await request.fetch(`${api}${path}`, { method, data: body, headers });
  expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
  return response.json();
}

export const appmesh = {
  createMesh: (request, mesh, headers) => call(request, 'PUT', '/meshes', { meshName: mesh }, headers),
  createNode: (request, mesh, name) => call(request, 'PUT', `/meshes/${mesh}/virtualNodes`, { virtualNodeName: name, spec: {} }),
  createRouter: (request, mesh, name) => call(request, 'PUT', `/meshes/${mesh}/virtualRouters`, { virtualRouterName: name, spec: {} }),
  createService: (request, mesh, name, provider) =>
    call(request, 'PUT', `/meshes/${mesh}/virtualServices`, { virtualServiceName: name, spec: provider ? { provider } : {} }),
  describeService: (request, mesh, name) => call(request, 'GET', `/meshes/${mesh}/virtualServices/${encodeURIComponent(name)}`),

  /** Shares a mesh of `owner` with `account` through AWS RAM's API. */
  async shareMesh(request, owner, mesh, account) {
    const response = await request.post('/createresourceshare', {
      headers: signedAs(owner),
      data: { name: `share-${mesh}`, resourceArns: [`arn:aws:appmesh:us-east-1:${owner}:mesh/${mesh}`], principals: [account] },
    });
    expect(response.ok(), await response.text()).toBeTruthy();
  },

  /** Deletes a mesh and everything in it (as its owner when `headers` say so). */
  async deleteMesh(request, mesh, headers = {}) {
    const list = async (kind, key) => {
      const response = await request.get(`${api}/meshes/${mesh}/${kind}`, { headers });
      return response.ok() ? (await response.json())[kind].map((item) => item[key]) : [];
    };
    for (const name of await list('virtualServices', 'virtualServiceName')) {
      await request.delete(`${api}/meshes/${mesh}/virtualServices/${encodeURIComponent(name)}`, { headers });
    }
    for (const name of await list('virtualNodes', 'virtualNodeName')) await request.delete(`${api}/meshes/${mesh}/virtualNodes/${name}`, { headers });
    for (const name of await list('virtualRouters', 'virtualRouterName')) await request.delete(`${api}/meshes/${mesh}/virtualRouters/${name}`, { headers });
    await request.delete(`${api}/meshes/${mesh}`, { headers });
  },
};
