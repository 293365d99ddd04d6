// Browser tests: Debian's Chromium (never a downloaded browser) against the release build in
// ../dist, in both storage modes: `server` (the real server, a fresh SQLite file per run) and
// `browser` (a plain static host, data in localStorage). Every test runs in both unless it
// says otherwise. `subpath` runs the console built with `--public-url /console/` (in
// ../target/dist-subpath) from a static host under that path. `credentials` runs the server with
// --credentials (./test-credentials): the console signs in at /sign-in first.
import { defineConfig } from '@playwright/test';

const serverPort = Number(process.env.E2E_PORT ?? 18080);
const staticPort = serverPort + 1;
const subpathPort = serverPort + 2;
const credentialsPort = serverPort + 3;
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export default defineConfig({
  testDir: './tests',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./summary-reporter.mjs']],
  use: {
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'retain-on-failure',
    serverURL: `http://127.0.0.1:${serverPort}`,
  },
  projects: [
    { name: 'server', testIgnore: /subpath|credentials/, use: { storageMode: 'server', baseURL: `http://127.0.0.1:${serverPort}` } },
    { name: 'browser', testIgnore: /subpath|credentials/, use: { storageMode: 'browser', baseURL: `http://127.0.0.1:${staticPort}` } },
    { name: 'subpath', testMatch: /subpath/, use: { storageMode: 'browser', baseURL: `http://127.0.0.1:${subpathPort}/console/` } },
    { name: 'credentials', testMatch: /credentials/, use: { storageMode: 'server', baseURL: `http://127.0.0.1:${credentialsPort}` } },
  ],
  webServer: [
    {
      command: `node start-server.mjs ${serverPort}`,
      url: `http://127.0.0.1:${serverPort}/v20190125/meshes`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: `node static-server.mjs ${staticPort}`,
      url: `http://127.0.0.1:${staticPort}/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: `node static-server.mjs ${subpathPort} ../target/dist-subpath /console/`,
      url: `http://127.0.0.1:${subpathPort}/console/`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      command: `node start-credentials-server.mjs ${credentialsPort}`,
      url: `http://127.0.0.1:${credentialsPort}/sign-in`,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
      timeout: 30_000,
    },
  ],
});
