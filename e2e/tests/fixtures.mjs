// The `page` of every test fails the test on any console error or uncaught exception.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.allowConsoleErrors = () => problems.splice(0);
    await use(page);
    expect(problems, 'the page logged no error').toEqual([]);
  },
});

export { expect };
