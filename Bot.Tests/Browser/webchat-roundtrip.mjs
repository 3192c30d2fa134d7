// Opens the product page in Debian's headless Chromium, opens the chat widget, sends "hello" in Web Chat and
// waits until the bot's reply to that message (found in the Direct Line poll responses) is shown. Then it
// reloads the page and checks that the returning visitor sees the same conversation.
// Usage: node webchat-roundtrip.mjs <page url> <output folder>. Prints one JSON line; exit code 0 = passed.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [url, outputDir] = process.argv.slice(2);
if (!url || !outputDir) {
  console.error('usage: node webchat-roundtrip.mjs <url> <output folder>');
  process.exit(2);
}
mkdirSync(outputDir, { recursive: true });

const TIMEOUT = 20_000;
const profile = mkdtempSync(join(tmpdir(), 'chatbot-chromium-'));
const result = { ok: false };
let context;
let page;

try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  const pageErrors = [];
  page.on('pageerror', error => pageErrors.push(String(error)));

  // Every activity Web Chat polls, so the test knows the reply's text without guessing the bot's wording.
  const polled = [];
  page.on('response', async response => {
    if (/\/v3\/directline\/conversations\/[^/]+\/activities/.test(response.url()) && response.request().method() === 'GET' && response.ok()) {
      try {
        polled.push(...((await response.json()).activities ?? []));
      } catch {
        // A navigation can cut a response short; the next poll repeats nothing we need.
      }
    }
  });
  const waitFor = async (predicate, what) => {
    const deadline = Date.now() + TIMEOUT;
    while (Date.now() < deadline) {
      const found = await predicate();
      if (found) return found;
      await page.waitForTimeout(100);
    }
    throw new Error('timed out waiting for ' + what);
  };

  // Web Chat renders markdown with typographic quotes and its own spacing: compare normalized text.
  const normalize = text => String(text).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim();
  const transcriptShows = async text => {
    const expected = normalize(text);
    await waitFor(async () => normalize(await page.locator('#webchat').innerText()).includes(expected), `"${text}" on screen`);
  };

  await page.goto(url);
  await page.screenshot({ path: join(outputDir, 'page.png') });
  await page.click('.chat-launcher');
  const input = page.locator('[data-id="webchat-sendbox-input"]').first();
  await input.waitFor();

  const welcome = await waitFor(() => polled.find(a => a.type === 'message' && a.from?.role === 'bot'), 'the welcome message');
  await transcriptShows(welcome.text);
  result.welcome = welcome.text;

  await input.fill('hello');
  const sentAt = Date.now();
  await input.press('Enter');
  const mine = await waitFor(() => polled.find(a => a.from?.role === 'user' && a.text === 'hello'), 'the posted message to come back');
  result.userId = mine.from.id;
  result.clientActivityIdKept = typeof mine.channelData?.clientActivityID === 'string';
  const reply = await waitFor(() => polled.find(a => a.type === 'message' && a.from?.role === 'bot' && a.replyToId === mine.id),
    'the reply to "hello"');
  await transcriptShows(reply.text);
  result.replyShownAfterMs = Date.now() - sentAt; // a figure to read, not a pass/fail limit
  result.reply = reply.text;
  await page.waitForTimeout(300); // let the transcript finish scrolling for the screenshot
  await page.screenshot({ path: join(outputDir, 'webchat-hello.png') });

  // A returning visitor: same browser profile, the widget reopens on the same conversation with its history.
  polled.length = 0;
  await page.reload();
  await page.locator('[data-id="webchat-sendbox-input"]').first().waitFor();
  await transcriptShows(reply.text);
  const again = await waitFor(() => polled.find(a => a.from?.role === 'user' && a.text === 'hello'), 'the earlier message after reload');
  result.resumedSameConversation = again.conversation?.id === mine.conversation?.id && again.from.id === mine.from.id;
  await page.screenshot({ path: join(outputDir, 'webchat-resumed.png') });

  result.pageErrors = pageErrors;
  result.ok = result.clientActivityIdKept && result.resumedSameConversation && pageErrors.length === 0;
} catch (error) {
  result.error = String(error?.message ?? error);
  if (page) {
    await page.screenshot({ path: join(outputDir, 'webchat-failure.png') }).catch(() => {});
  }
} finally {
  await context?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}

console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
