// The console as a user meets it, served by the real server as `scripts/run` serves it, in
// headless Chromium: a mesh with 200 virtual services (half with a virtual node provider).
// - first rows: navigation start to the first row of the list on screen, median of 7 cold loads
//   (a new browser context each), beside a static HTML page with the same 200-row table served
//   by the same server process. The server draws those rows (crates/server/src/first_page.rs);
//   the console's own take their place once it has started, and that time is printed too;
// - a filter keystroke: the key pressed to the next frame after the table stopped changing, at
//   200 rows and at 1,000 (the API keeps App Mesh's quota of 200 services a mesh, so the other
//   800 come in through the store import, which checks records and references, not counts);
// - transfer size: what the browser received for the console's files, beside bundle-size.mjs.
// Rows are found by role and by the services' names, not by how the console builds them.
// Prints figures; asserts nothing.
// Usage: node console.mjs SERVER_BINARY DIST
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs } from '../playwright.config.mjs';
import { authorization, call, inParallel, median, nodeSpec, pad, scratchDir, startOurs } from './servers.mjs';
import { precompress } from '../../scripts/precompress.mjs';

const [binary, dist] = process.argv.slice(2);
const mesh = 'bench';
const services = 200;
const coldLoads = 7;
// Each key changes the rows shown: narrower, narrower, wider, back to all.
const keystrokes = ['1', '9', 'Backspace', 'Backspace', '2', '5', 'Backspace', 'Backspace', '3', 'Backspace'];
const serviceName = (i) => `svc-${pad(i)}.bench.local`;
const provider = (i) => (i % 2 === 0 ? `node-${pad(i / 2)}` : null);

// The static page: the same table as one HTML file beside the console's, with its stylesheet,
// compressed as the build compresses the console's files.
function writeStaticPage(site, described) {
  const stylesheet = /<link[^>]+rel="?stylesheet"?[^>]*>/.exec(readFileSync(join(site, 'index.html'), 'utf8'))?.[0] ?? '';
  const rows = described
    .map((service) => {
      const node = service.spec.provider?.virtualNode?.virtualNodeName;
      const updated = new Date(service.metadata.lastUpdatedAt * 1000).toISOString().slice(0, 16).replace('T', ' ');
      return `<tr><td><a href="#">${service.virtualServiceName}</a></td><td>${node ? `Virtual node <a href="#">${node}</a>` : 'None'}</td><td>Active</td><td>${updated}</td><td>${service.metadata.resourceOwner}</td></tr>`;
    })
    .join('\n');
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Virtual services</title>${stylesheet}</head>
<body><main><h1>Virtual services</h1><table class="table"><thead><tr><th>Virtual service name</th><th>Provider</th><th>Status</th><th>Last updated</th><th>Resource owner</th></tr></thead>
<tbody>${rows}</tbody></table></main></body></html>`;
  const file = join(site, 'static-list.html');
  writeFileSync(file, html);
  precompress(file);
}

// Runs in every page before its own scripts: notes the frame in which a row holding one of
// the services first has a box (performance.now() counts from navigation start), and the
// frame from which the console's own rows are on screen, in place of those the server drew
// (`#prerendered`, src/takeover.rs).
function watchForFirstRow() {
  const isServiceRow = (row) =>
    row.querySelector('td, [role=cell], [role=gridcell]') && /svc-\d+\.bench\.local/.test(row.textContent) && row.getBoundingClientRect().height > 0;
  const look = (frameTime) => {
    if ([...document.querySelectorAll('tr, [role=row]')].some(isServiceRow)) {
      window.firstServiceRow ??= frameTime;
      if (!document.getElementById('prerendered')) return (window.liveServiceRow = frameTime);
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/// A cold load of `url`: its first rows, and its live rows (the console's own).
async function firstRow(browser, url) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(watchForFirstRow);
    await page.goto(url);
    await page.waitForFunction(() => window.liveServiceRow !== undefined, null, { timeout: 30_000 });
    return await page.evaluate(() => ({ first: window.firstServiceRow, live: window.liveServiceRow }));
  } finally {
    await context.close();
  }
}

// In the page: from the next key pressed to the first frame after the table last changed.
function armKeystroke() {
  window.keystroke = new Promise((resolve) => {
    let pressed = null;
    let changed = false;
    let changedSinceFrame = false;
    const inTable = (node) => {
      const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      return element?.closest('table, [role=table], [role=grid]') || element?.querySelector?.('table, [role=table], [role=grid]');
    };
    const observer = new MutationObserver((mutations) => {
      if (pressed !== null && mutations.some((mutation) => inTable(mutation.target))) changed = changedSinceFrame = true;
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const frame = () => {
      if (changed && !changedSinceFrame) {
        observer.disconnect();
        resolve(performance.now() - pressed);
      } else if (performance.now() - pressed > 5_000) {
        observer.disconnect();
        resolve(null);
      } else {
        changedSinceFrame = false;
        requestAnimationFrame(frame);
      }
    };
    document.addEventListener(
      'keydown',
      (event) => {
        pressed = event.timeStamp;
        requestAnimationFrame(frame);
      },
      { capture: true, once: true },
    );
  });
}

/// Each key of `keystrokes` typed into the list's filter: the time to its settled frame.
async function filterKeystrokes(page) {
  const filter = page.getByRole('searchbox', { name: /filter/i }).or(page.getByRole('textbox', { name: /filter/i }));
  await filter.focus();
  const times = [];
  for (const key of keystrokes) {
    await page.evaluate(armKeystroke);
    await page.keyboard.press(key);
    times.push(await page.evaluate(() => window.keystroke));
    await page.waitForTimeout(300);
  }
  return times;
}

/// The mesh's services made `total` by an import of the store with more of the same record.
async function importServices(base, from, total) {
  const headers = { authorization: authorization() };
  const store = await (await fetch(`${base}/console-api/store`, { headers })).json();
  const [, collection] = Object.entries(store.collections).find(([name]) => name.endsWith(`\u001f${mesh}\u001fvirtualService`));
  const template = collection[serviceName(1)];
  for (let i = from; i < total; i += 1) {
    const record = structuredClone(template);
    record.metadata.arn = template.metadata.arn.replace(serviceName(1), serviceName(i));
    record.metadata.uid = `${template.metadata.uid.slice(0, -4)}${pad(i, 4)}`;
    collection[serviceName(i)] = record;
  }
  const imported = await fetch(`${base}/console-api/store`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(store) });
  if (!imported.ok) throw new Error(`the import of ${total} services failed: ${imported.status} ${await imported.text()}`);
}

/// The list's own count of its rows, in its status line ("1000 virtual services").
async function expectRowCount(page, count) {
  await page.getByRole('status').filter({ hasText: new RegExp(`^${count} `) }).waitFor({ timeout: 10_000 });
}

const bundleFigure = () => {
  const script = fileURLToPath(new URL('../../scripts/bundle-size.mjs', import.meta.url));
  let output;
  try {
    output = execFileSync('node', [script, dist], { encoding: 'utf8' });
  } catch (error) {
    output = error.stdout; // over budget still prints the figures
  }
  const line = output.split('\n').find((text) => text.startsWith('console (every visit)'));
  return { text: line.replace(/\s+/g, ' ').replace('console (every visit) ', ''), kb: Number(/([\d.]+) KB (brotli|sent)/.exec(line)?.[1]) };
};

const site = join(scratchDir('site'), 'dist');
cpSync(dist, site, { recursive: true });
const server = await startOurs(binary, site);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
try {
  await call(server.base, 'PUT', '/meshes', { meshName: mesh });
  await inParallel(services / 2, 8, (i) => call(server.base, 'PUT', `/meshes/${mesh}/virtualNodes`, { virtualNodeName: `node-${pad(i)}`, spec: nodeSpec(i) }));
  const described = [];
  await inParallel(services, 8, async (i) => {
    const node = provider(i);
    const spec = node ? { provider: { virtualNode: { virtualNodeName: node } } } : {};
    described[i] = await call(server.base, 'PUT', `/meshes/${mesh}/virtualServices`, { virtualServiceName: serviceName(i), spec });
  });
  writeStaticPage(site, described);

  const listUrl = `${server.base}/meshes/${mesh}/virtual-services`;
  const staticUrl = `${server.base}/static-list.html`;
  const consoleTimes = [];
  const staticTimes = [];
  await firstRow(browser, listUrl); // a first visit of each, uncounted: the server's files in the OS cache
  await firstRow(browser, staticUrl);
  const liveTimes = [];
  for (let load = 0; load < coldLoads; load += 1) {
    const { first, live } = await firstRow(browser, listUrl);
    consoleTimes.push(first);
    liveTimes.push(live);
    staticTimes.push((await firstRow(browser, staticUrl)).first);
  }

  // One more cold load, kept open: what it transferred, then the filter.
  const context = await browser.newContext();
  const page = await context.newPage();
  const encodings = new Map();
  const apiCalls = [];
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/v20190125/')) apiCalls.push(path);
    else if (!path.startsWith('/console-api/')) encodings.set(path, response.headers()['content-encoding'] ?? 'identity');
  });
  await page.addInitScript(watchForFirstRow);
  await page.goto(listUrl);
  await page.waitForFunction(() => window.liveServiceRow !== undefined);
  await page.waitForLoadState('networkidle');
  const transfer = await page.evaluate(() => {
    const counted = /\.(wasm|js|css|html)$/;
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].filter(
      (entry) => entry.entryType === 'navigation' || counted.test(new URL(entry.name).pathname),
    );
    const sum = (key) => entries.reduce((total, entry) => total + entry[key], 0);
    return { files: entries.length, transferred: sum('transferSize'), bodies: sum('encodedBodySize'), decoded: sum('decodedBodySize') };
  });

  const keyTimes = await filterKeystrokes(page);
  await context.close();

  await importServices(server.base, services, 1000);
  const thousand = await browser.newContext();
  const thousandPage = await thousand.newPage();
  await thousandPage.addInitScript(watchForFirstRow);
  await thousandPage.goto(listUrl);
  await thousandPage.waitForFunction(() => window.liveServiceRow !== undefined);
  await expectRowCount(thousandPage, 1000);
  const thousandKeyTimes = await filterKeystrokes(thousandPage);
  await thousand.close();

  const consoleMedian = median(consoleTimes);
  const staticMedian = median(staticTimes);
  const settled = keyTimes.filter((time) => time !== null);
  const thousandSettled = thousandKeyTimes.filter((time) => time !== null);
  const encodingList = [...new Set(encodings.values())].join(', ');
  const ms = (value) => `${value.toFixed(0)} ms`;
  const bundle = bundleFigure();
  console.log(`first rows, console: ${consoleTimes.map(ms).join(' ')}`);
  console.log(`first rows, static page: ${staticTimes.map(ms).join(' ')}`);
  console.log(`the console's own rows: ${liveTimes.map(ms).join(' ')}`);
  const keyList = (times) => times.map((time) => (time === null ? 'no change' : `${time.toFixed(1)} ms`)).join(' ');
  console.log(`filter keystrokes, 200 rows: ${keyList(keyTimes)}`);
  console.log(`filter keystrokes, 1,000 rows: ${keyList(thousandKeyTimes)}`);
  console.log(`the list's cold load sent ${apiCalls.length} App Mesh requests; its files came as ${encodingList}`);
  console.log(`\nheadless Chromium, 1 mesh with ${services} virtual services (half with a virtual node provider), the server as scripts/run serves it:\n`);
  console.log('| figure | console | beside it | ratio |');
  console.log('|---|---|---|---|');
  console.log(
    `| the list's first rows (navigation start to the first row on screen, median of ${coldLoads} cold loads) | ${ms(consoleMedian)} | static page of the same 200-row table: ${ms(staticMedian)} | ${(consoleMedian / staticMedian).toFixed(1)}× |`,
  );
  console.log(
    `| the console's own rows in place of those the server drew (navigation start, median of ${coldLoads} cold loads) | ${ms(median(liveTimes))} | static page: ${ms(staticMedian)} | ${(median(liveTimes) / staticMedian).toFixed(1)}× |`,
  );
  for (const [rows, times] of [[200, settled], [1000, thousandSettled]]) {
    console.log(
      `| a filter keystroke to the settled frame (median of ${times.length}, ${rows.toLocaleString('en-US')} rows) | ${times.length ? `${median(times).toFixed(1)} ms` : 'no change seen'} | one frame: 16.7 ms | ${times.length ? `${(median(times) / 16.7).toFixed(2)}×` : ''} |`,
    );
  }
  console.log(
    `| transfer of the console's files (html, js, wasm, css: ${transfer.files} files, ${encodingList}) | ${kb(transfer.bodies)} bodies, ${kb(transfer.transferred)} with headers (${kb(transfer.decoded)} decoded) | bundle-size.mjs: ${bundle.text} | ${(transfer.bodies / 1024 / bundle.kb).toFixed(2)}× |`,
  );
} finally {
  await browser.close();
  await server.stop();
}
