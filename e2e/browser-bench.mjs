// Figures for browser-only mode, printed, not asserted: the engine in headless Chromium over
// real localStorage, called as the console calls it. Needs the release build in ../dist.
// Usage (in e2e/): node browser-bench.mjs
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const port = 18700 + Math.floor(Math.random() * 200);
const host = spawn('node', ['static-server.mjs', String(port)], { stdio: 'ignore' });
try {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/meshes`);
  await page.getByRole('heading', { level: 1, name: 'Meshes' }).waitFor();
  const firstView = Date.now() - started;
  const figures = await page.evaluate(async () => {
    const engine = await import('/engine/mesh_browser_engine.js');
    await engine.default();
    const call = (method, path, body) => {
      const reply = engine.handle(method, path, body === undefined ? undefined : JSON.stringify(body), undefined);
      if (reply.status !== 200) throw new Error(`${method} ${path}: ${reply.body}`);
      return reply.body;
    };
    const timed = (count, run) => {
      const times = [];
      for (let i = 0; i < count; i += 1) {
        const start = performance.now();
        run(i);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      return { p50: times[Math.floor(count / 2)], p99: times[Math.floor(count * 0.99)] };
    };
    call('PUT', '/v20190125/meshes', { meshName: 'bench' });
    const create = timed(200, (i) => call('PUT', '/v20190125/meshes/bench/virtualServices', { virtualServiceName: `svc-${String(i).padStart(3, '0')}.bench.local`, spec: {} }));
    const list = timed(200, () => call('GET', '/v20190125/meshes/bench/virtualServices?limit=100'));
    const describe = timed(200, (i) => call('GET', `/v20190125/meshes/bench/virtualServices/svc-${String(i).padStart(3, '0')}.bench.local`));
    return { create, list, describe, bytes: localStorage.getItem('mesh-console.store').length };
  });
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log(`console start to the meshes view (engine loaded): ${firstView} ms`);
  console.log(`CreateVirtualService, the 1st to the 200th in one mesh: p50 ${ms(figures.create.p50)}, p99 ${ms(figures.create.p99)}`);
  console.log(`ListVirtualServices, 200 services, limit=100: p50 ${ms(figures.list.p50)}, p99 ${ms(figures.list.p99)}`);
  console.log(`DescribeVirtualService among 200: p50 ${ms(figures.describe.p50)}, p99 ${ms(figures.describe.p99)}`);
  console.log(`store document with 1 mesh and 200 services: ${(figures.bytes / 1024).toFixed(1)} KB of localStorage`);
  await browser.close();
} finally {
  host.kill();
}
