// Every test's `page` fails the test on any console error or uncaught exception; `api` is
// the App Mesh API of the storage mode under test (`storageMode`: the project's); `mesh` is
// a fresh mesh made through it, deleted afterwards.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { appmesh, browserApi, serverApi, uniqueName } from './appmesh.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const test = base.extend({
  storageMode: ['server', { option: true }],
  serverURL: ['', { option: true }],
  api: async ({ storageMode, request, context }, use) => {
    if (storageMode === 'server') {
      await use(serverApi(request));
    } else {
      const api = await browserApi(context);
      await use(api);
      await api.close();
    }
  },
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (message) => {
      // Chromium reports every 4xx answer of the App Mesh API as a failed load; the console
      // asks for things that may not exist (is this name taken?), or sends an import that
      // may not read, and handles those answers.
      const handledApiAnswer = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
        && /\/(v20190125|console-api)\//.test(message.location().url ?? '');
      if (message.type() === 'error' && !handledApiAnswer) problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.expectConsoleErrors = () => problems.splice(0);
    await use(page);
    expect(problems, 'the page logged no error').toEqual([]);
  },
  mesh: async ({ api }, use) => {
    const mesh = uniqueName('mesh');
    await appmesh.createMesh(api, mesh);
    await use(mesh);
    await appmesh.deleteMesh(api, mesh);
  },
});

/** Runs axe-core on the page: no serious or critical violation. */
export async function expectAccessible(page, what) {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => window.axe.run());
  const bad = results.violations
    .filter((violation) => ['serious', 'critical'].includes(violation.impact))
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(', ')})`);
  expect(bad, `axe-core on ${what}`).toEqual([]);
}

export { expect };
