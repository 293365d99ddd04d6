// The App Mesh API beside moto, the other App Mesh emulator: the same data (1 mesh, 200 virtual
// nodes) loaded into both through the API, the same wrk load, one server at a time. Prints a
// Markdown table; asserts nothing.
// Usage: node api.mjs SERVER_BINARY DIST MOTO_SERVER [SECONDS]
import { call, inParallel, nodeSpec, pad, startMoto, startOurs } from './servers.mjs';
import * as wrk from './wrk.mjs';

const [binary, dist, motoServer, secondsArgument] = process.argv.slice(2);
const seconds = Number(secondsArgument ?? 10);
const mesh = 'bench';
const nodes = 200;
const createSeconds = Math.min(seconds, 5);

// Creates: our server keeps App Mesh's quotas (15 meshes an account, 200 nodes a mesh), so
// the creates spread over accounts (a 12-digit access key is that account) and their meshes:
// room for 30,000 creates a second, so no create of the run meets a quota.
const accounts = createSeconds * 10;
const meshesPerAccount = 15;
const nodesPerMesh = 200;
const accountKey = (account) => String(100000000000 + account);
const createMesh = (account, index) => `create-a${pad(account, 2)}-m${pad(index, 2)}`;

const reads = [
  { name: 'ListVirtualNodes, `limit=100` (a page of 100 of 200)', path: `/meshes/${mesh}/virtualNodes?limit=100` },
  { name: 'DescribeVirtualNode', path: `/meshes/${mesh}/virtualNodes/node-100` },
  { name: 'ListMeshes', path: '/meshes' },
];

async function load(server) {
  await call(server.base, 'PUT', '/meshes', { meshName: mesh });
  await inParallel(nodes, 8, (i) =>
    call(server.base, 'PUT', `/meshes/${mesh}/virtualNodes`, { virtualNodeName: `node-${pad(i)}`, spec: nodeSpec(i) }),
  );
  const page = await call(server.base, 'GET', reads[0].path);
  return page.virtualNodes.length;
}

async function loadCreateMeshes(server) {
  for (let account = 0; account < accounts; account += 1) {
    await inParallel(meshesPerAccount, 4, (index) =>
      call(server.base, 'PUT', '/meshes', { meshName: createMesh(account, index) }, accountKey(account)),
    );
  }
}

/// Every request a new virtual node, numbered across wrk's threads so that no two collide.
const createScript = `
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local sent = 0
function request()
  local n = sent * ${wrk.threads} + id
  sent = sent + 1
  local account = math.floor(n / ${meshesPerAccount * nodesPerMesh})
  local mesh = math.floor(n / ${nodesPerMesh}) % ${meshesPerAccount}
  local path = string.format("/v20190125/meshes/create-a%02d-m%02d/virtualNodes", account, mesh)
  local body = string.format('{"virtualNodeName":"node-%06d","spec":{"listeners":[{"portMapping":{"port":8080,"protocol":"http"}}]}}', n)
  local headers = {}
  headers["Authorization"] = string.format("AWS4-HMAC-SHA256 Credential=10000000%04d/20261203/us-east-1/appmesh/aws4_request, SignedHeaders=host, Signature=0", account)
  headers["Content-Type"] = "application/json"
  return wrk.format("PUT", path, headers, body)
end
`;

const fixed = (value, digits) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const figure = (run) =>
  `${fixed(run.requestsPerSecond, 0)} req/s, p50 ${fixed(run.p50, 2)} ms, p99 ${fixed(run.p99, 2)} ms` +
  (run.failed ? ` (**${run.failed} of ${run.requests} failed**)` : '') +
  (run.socketErrors ? ` (socket errors: ${run.socketErrors})` : '');

const ours = await startOurs(binary, dist);
const moto = await startMoto(motoServer);
const rows = [];
try {
  const pageSizes = [await load(ours), await load(moto)];
  console.log(`Loaded 1 mesh with ${nodes} virtual nodes into each; a ListVirtualNodes page holds ${pageSizes[0]} (ours) and ${pageSizes[1]} (moto)`);
  for (const read of reads) {
    const results = [];
    for (const server of [ours, moto]) {
      wrk.get(`${server.base}/v20190125${read.path}`, 2); // warm-up
      results.push(wrk.get(`${server.base}/v20190125${read.path}`, seconds));
    }
    rows.push([read.name, ...results]);
    console.log(`${read.name}: ${figure(results[0])} | moto ${figure(results[1])}`);
  }
  const creates = [];
  for (const server of [ours, moto]) {
    await loadCreateMeshes(server);
    creates.push(wrk.scripted(server.base, createScript, createSeconds));
  }
  rows.push([`CreateVirtualNode (${accounts * meshesPerAccount} meshes, every request a new node)`, ...creates]);
  console.log(`CreateVirtualNode: ${figure(creates[0])} | moto ${figure(creates[1])}`);
} finally {
  await ours.stop();
  await moto.stop();
}

console.log(`\nwrk -t${wrk.threads} -c${wrk.connections}, ${seconds} s a read (creates: ${createSeconds} s), one server at a time, both on this machine's cores with wrk:\n`);
console.log('| operation | mesh-console-server | moto | ratio (req/s) |');
console.log('|---|---|---|---|');
for (const [name, ourRun, motoRun] of rows) {
  console.log(`| ${name} | ${figure(ourRun)} | ${figure(motoRun)} | ${fixed(ourRun.requestsPerSecond / motoRun.requestsPerSecond, 1)}× |`);
}
