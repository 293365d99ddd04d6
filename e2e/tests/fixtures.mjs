// Every test's `page` fails the test on any console error or uncaught exception, and
// `mesh` is a fresh mesh (made through the App Mesh API) that is deleted afterwards.
import { test as base, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { appmesh, uniqueName } from './appmesh.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (message) => {
      // Chromium reports every 4xx answer of the App Mesh API as a failed load; the console
      // asks for things that may not exist (is this name taken?) and handles those answers.
      const handledApiAnswer = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
        && /\/v20190125\//.test(message.location().url ?? '');
      if (message.type() === 'error' && !handledApiAnswer) problems.push(`console error: ${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.expectConsoleErrors = () => problems.splice(0);
    await use(page);
    expect(problems, 'the page logged no error').toEqual([]);
  },
  mesh: async ({ request }, use) => {
    const mesh = uniqueName('mesh');
    await appmesh.createMesh(request, mesh);
    await use(mesh);
    await appmesh.deleteMesh(request, mesh);
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
