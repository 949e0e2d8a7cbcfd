/**
 * The first load of the public front page (logged out) and of the staff home (a consultant signed in), in headless
 * Chromium with an empty cache: the bytes that crossed the network (scripts, styles, API answers, everything until
 * the network is quiet) and the largest contentful paint. The baseline, in the same run, is the same pages with the
 * browser asking for uncompressed answers (`Accept-Encoding: identity`), which is how the server answered every
 * browser before the assets were precompressed.
 *
 *   npm run build && npx tsx bench/web-first-load.ts [--runs 3]
 *
 * With `--baseline-dist DIR` (an earlier build of the web app, e.g. `npx vite build --outDir /tmp/before` on an
 * earlier commit), the baseline is that build, served compressed by a second app on the same database, beside
 * this one: the same run compares two builds.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { buildApp } from '../src/server/app.ts';
import { UsersService } from '../src/server/auth/users.service.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { UnitOfWork } from '../src/server/db/unit-of-work.ts';
import { CLI_CONTEXT } from '../src/server/http/request-context.ts';
import { prepareDatabase } from '../src/server/setup.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'baseline-dist': { type: 'string' },
    // Lists every file of the last load of each page with its bytes, largest first.
    files: { type: 'boolean', default: false },
    // Saves a screenshot of each page and build in the temporary folder, to look at.
    screenshots: { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const webDist = resolve(process.env.WEB_DIST_DIR ?? 'dist/web');
const baselineDist = values['baseline-dist'] ? resolve(values['baseline-dist']) : null;
for (const dist of [webDist, baselineDist]) {
  if (dist && !existsSync(join(dist, 'index.html'))) {
    console.error(`No web build in ${dist}: run "npm run build" first.`);
    process.exit(1);
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'smart-rural-bench-web-'));
const config = loadConfig({
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  NOTICES_INTERVAL_MINUTES: '0',
  LOGIN_RATE_LIMIT_MAX: '1000',
  ...process.env,
  DATA_DIR: dataDir,
  WEB_DIST_DIR: webDist,
});
const database = config.databaseUrl
  ? await openDatabase({ databaseUrl: config.databaseUrl })
  : await openDatabase({ dataDir });
await prepareDatabase(database, config);
const app = await buildApp({ config, database, logger: false });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const baselineApp = baselineDist
  ? await buildApp({ config: { ...config, webDistDir: baselineDist }, database, logger: false })
  : null;
const baselineUrl = baselineApp ? await baselineApp.listen({ port: 0, host: '127.0.0.1' }) : null;

const password = randomBytes(18).toString('base64url');
const email = `bench-${randomBytes(4).toString('hex')}@bench.test`;
await new UsersService(new UnitOfWork(database.db)).create(CLI_CONTEXT, {
  email,
  displayName: 'Consultante du banc',
  role: 'consultant',
  communeNis: null,
  password,
});

/** The files of the last load measured, with their bytes on the wire. */
const files = new Map<string, number>();

type Load = { bytes: number; scripts: number; styles: number; api: number; requests: number; lcp: number };

type Variant = { name: string; url: string; compressed: boolean };
const variants: Variant[] = baselineUrl
  ? [
      { name: '(earlier build, baseline)', url: baselineUrl, compressed: true },
      { name: '(this build)', url: baseUrl, compressed: true },
    ]
  : [
      { name: '(identity, baseline)', url: baseUrl, compressed: false },
      { name: '(compressed)', url: baseUrl, compressed: true },
    ];

async function firstLoad(browser: Browser, page: 'public' | 'staff', { url, compressed }: Variant): Promise<Load> {
  const context = await browser.newContext({
    baseURL: url,
    locale: 'fr-BE',
    viewport: { width: 1360, height: 900 },
    ...(compressed ? {} : { extraHTTPHeaders: { 'accept-encoding': 'identity' } }),
  });
  try {
    if (page === 'staff') {
      // Signing in through the API shares the cookie with the context; no page was loaded, so the cache is empty.
      const signedIn = await context.request.post('/api/auth/login', { data: { email, password } });
      if (!signedIn.ok()) throw new Error(`login failed: ${signedIn.status()}`);
    }
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const kinds = new Map<string, string>();
    const totals = { bytes: 0, scripts: 0, styles: 0, api: 0, requests: 0 };
    cdp.on('Network.responseReceived', (event) => {
      const url = new URL(event.response.url);
      kinds.set(
        event.requestId,
        url.pathname.startsWith('/api/') ? 'api' : event.type === 'Script' ? 'scripts' : event.type,
      );
      if (event.type === 'Stylesheet') kinds.set(event.requestId, 'styles');
    });
    const urls = new Map<string, string>();
    cdp.on('Network.requestWillBeSent', (event) => {
      urls.set(event.requestId, new URL(event.request.url).pathname);
    });
    cdp.on('Network.loadingFinished', (event) => {
      files.set(urls.get(event.requestId) ?? event.requestId, event.encodedDataLength);
      totals.bytes += event.encodedDataLength;
      totals.requests += 1;
      const kind = kinds.get(event.requestId);
      if (kind === 'scripts' || kind === 'styles' || kind === 'api') totals[kind] += event.encodedDataLength;
    });
    let inFlight = 0;
    let quietSince = Date.now();
    cdp.on('Network.requestWillBeSent', () => {
      inFlight += 1;
    });
    const settled = () => {
      inFlight -= 1;
      quietSince = Date.now();
    };
    cdp.on('Network.loadingFailed', settled);
    cdp.on('Network.loadingFinished', settled);
    await tab.goto('/');
    // The page as a visitor sees it: its title, the communes' table (staff) and the map drawn, then 1 s with nothing on
    // the network (Playwright's `networkidle` comes before the map's script and data are even asked for).
    try {
      // Generous: the shared machine can be very busy.
      await tab.getByRole('heading', { level: 1 }).waitFor({ timeout: 120_000 });
      // The staff home lists the communes; the public front page of an empty workspace has no table, only its map.
      if (page === 'staff') await tab.locator('table tbody tr').first().waitFor({ timeout: 120_000 });
      await tab.locator('.leaflet-container path').first().waitFor({ timeout: 120_000 });
    } catch (error) {
      await tab.screenshot({ path: join(tmpdir(), 'web-first-load-failed.png'), fullPage: true });
      throw error;
    }
    while (inFlight > 0 || Date.now() - quietSince < 1000) await tab.waitForTimeout(100);
    if (values.screenshots) {
      const name = `web-first-load-${page}-${url === baseUrl ? 'this' : 'baseline'}.png`;
      await tab.screenshot({ path: join(tmpdir(), name), fullPage: true });
    }
    const lcp = await tab.evaluate(
      () =>
        new Promise<number>((done) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            done(entries[entries.length - 1]?.startTime ?? 0);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => done(-1), 2000);
        }),
    );
    return { ...totals, lcp };
  } finally {
    await context.close();
  }
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
console.log(`First load of / in headless Chromium, empty cache, median of ${runs} runs, ${database.kind}`);
console.log(
  `${'page'.padEnd(38)} ${'total'.padStart(10)} ${'scripts'.padStart(10)} ${'styles'.padStart(10)} ${'API'.padStart(10)} ${'requests'.padStart(9)} ${'LCP'.padStart(8)}`,
);
try {
  for (const page of ['public', 'staff'] as const) {
    for (const variant of variants) {
      const loads: Load[] = [];
      // One warm-up load (the server's first answers, the browser's first launch), then the measured ones.
      await firstLoad(browser, page, variant);
      for (let i = 0; i < runs; i++) loads.push(await firstLoad(browser, page, variant));
      const m = (key: keyof Load) => median(loads.map((l) => l[key]));
      const name = `${page === 'public' ? 'public front page' : 'staff home'} ${variant.name}`;
      if (values.files) {
        for (const [file, bytes] of [...files].sort((a, b) => b[1] - a[1]))
          console.log(`    ${kb(bytes).padStart(9)} ${file}`);
      }
      files.clear();
      console.log(
        `${name.padEnd(38)} ${kb(m('bytes')).padStart(10)} ${kb(m('scripts')).padStart(10)} ${kb(m('styles')).padStart(10)} ${kb(m('api')).padStart(10)} ${String(m('requests')).padStart(9)} ${`${m('lcp').toFixed(0)} ms`.padStart(8)}`,
      );
    }
  }
} finally {
  await browser.close();
  await app.close();
  await baselineApp?.close();
  await database.close();
  await rm(dataDir, { recursive: true, force: true });
}
