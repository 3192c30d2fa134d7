// Opens the metrics dashboard in Debian's headless Chromium with only loopback reachable (so it must render
// offline), waits until the page has drawn its data, saves a full-page screenshot and prints one JSON line with
// what a person sees: the headline cards, the DEMO DATA label, the unanswered questions, how many charts have
// pixels on them, page errors and any request that left the machine.
// Usage: node dashboard.mjs <dashboard url with ?key=> <screenshot.png>. Exit code 0 = the page reached "ready".
import { launchChromium } from './webchat-page.mjs';

const [url, screenshot] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node dashboard.mjs <url> <screenshot.png>');
  process.exit(2);
}

const result = { ok: false, pageErrors: [], offsite: [] };
let browser;
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(20_000);
  page.on('pageerror', error => result.pageErrors.push(String(error)));
  // Offline: anything not on this machine is refused and reported.
  await page.route('**/*', route => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    result.offsite.push(route.request().url());
    return route.abort();
  });

  await page.goto(url);
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]');
  result.state = await page.getAttribute('body', 'data-state');
  result.addressBar = page.url();
  result.error = await page.locator('#error').isVisible() ? await page.locator('#error').textContent() : null;
  result.demoLabel = await page.locator('#demo-banner').isVisible() ? (await page.locator('#demo-banner').textContent()).trim() : null;
  result.cards = await page.$$eval('.card', cards => cards.map(c => ({
    label: c.querySelector('.label')?.textContent.trim(),
    value: c.querySelector('.value')?.textContent.trim(),
    status: c.classList.contains('good') ? 'good' : c.classList.contains('bad') ? 'bad' : null,
  })));
  result.unanswered = await page.$$eval('#unanswered tbody tr', rows => rows.map(r => [...r.cells].map(c => c.textContent.trim())));
  // A chart counts as drawn when its canvas has non-transparent pixels.
  result.charts = await page.$$eval('canvas', canvases => canvases.map(c => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return { id: c.id || null, painted };
  }));
  result.chartJsLoaded = await page.evaluate(() => typeof window.Chart === 'function');
  await page.screenshot({ path: screenshot, fullPage: true });
  result.ok = result.state === 'ready';
} catch (error) {
  result.exception = String(error);
} finally {
  await browser?.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
