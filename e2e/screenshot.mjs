// Takes a screenshot of a console page in Debian's headless Chromium, to look at a view.
// Usage: node screenshot.mjs URL OUT.png [WIDTH]
import { chromium } from '@playwright/test';
import { chromiumArgs } from './playwright.config.mjs';

const [url, out, width = '1280'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node screenshot.mjs URL OUT.png [WIDTH]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
page.on('console', (message) => message.type() === 'error' && console.error(`console error: ${message.text()}`));
await page.goto(url);
await page.waitForLoadState('networkidle');
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
