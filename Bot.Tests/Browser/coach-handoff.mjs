// Two people in Debian's headless Chromium: a visitor on the product page asks for a person, a coach on /coach
// (signed in with a console key) sees the request in the queue panel and accepts it, each sees the other's
// message, the coach ends the chat as qualified and the visitor gets the bot's feedback question.
// Usage: node coach-handoff.mjs <base url> <console key> <output folder>. Prints one JSON line; exit 0 = passed.
import { TIMEOUT, launchChromium, normalize, say, screenshots, shows } from './webchat-page.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, consoleKey, outputDir] = process.argv.slice(2);
if (!baseUrl || !consoleKey || !outputDir) {
  console.error('usage: node coach-handoff.mjs <base url> <console key> <output folder>');
  process.exit(2);
}
mkdirSync(outputDir, { recursive: true });
const shot = screenshots(outputDir);

const result = { ok: false, steps: [] };
let browser;
const pages = {};

try {
  browser = await launchChromium();
  const errors = [];
  for (const who of ['coach', 'visitor']) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    pages[who] = await context.newPage();
    pages[who].setDefaultTimeout(TIMEOUT);
    pages[who].on('pageerror', error => errors.push(`${who}: ${error}`));
  }
  const { coach, visitor } = pages;

  await coach.goto(baseUrl + '/coach');
  await coach.fill('#key', consoleKey);
  await coach.click('[data-login] button[type="submit"]');
  await shows(coach, "you're available for sales");
  result.steps.push('coach signed in');

  await visitor.goto(baseUrl + '/');
  await visitor.click('.chat-launcher');
  await visitor.locator('[data-id="webchat-sendbox-input"]').first().waitFor();
  await shows(visitor, 'What brings you here today?'); // connected: the welcome arrived
  await say(visitor, 'Can I talk to a person, please?');
  await shows(visitor, 'You are number 1 in line');
  result.steps.push('visitor queued');

  const accept = coach.locator('[data-accept]').first();
  await accept.waitFor();
  result.queuePanel = normalize(await coach.locator('[data-requests]').innerText());
  await shot(coach, 'coach-queue.png');
  await accept.click();
  await shows(coach, 'Transcript of #');
  await shows(visitor, "You're now chatting with Dana");
  result.steps.push('coach accepted');

  await say(visitor, 'Hi! I would like to know more about the Professional plan.');
  await shows(coach, 'I would like to know more about the Professional plan.');
  await say(coach, 'Happy to help: Professional is $80 per seat per month, billed annually.');
  await shows(visitor, 'Happy to help: Professional is $80 per seat per month, billed annually.');
  result.steps.push('both ways');
  await shot(visitor, 'visitor-chatting.png');
  await shot(coach, 'coach-chatting.png');

  await coach.locator('[data-chat-actions]:not([hidden]) [data-command="end qualified"]').click();
  await shows(visitor, 'has ended the chat');
  await shows(visitor, 'How did we do? Was this chat helpful?');
  await shows(coach, 'ended (qualified)');
  result.steps.push('ended with feedback question');
  await shot(visitor, 'visitor-feedback.png');
  await shot(coach, 'coach-ended.png');

  result.errors = errors;
  result.ok = errors.length === 0;
} catch (error) {
  result.error = String(error?.message ?? error);
  for (const [who, page] of Object.entries(pages)) {
    await page.screenshot({ path: join(outputDir, `${who}-failure.png`) }).catch(() => {});
  }
} finally {
  await browser?.close().catch(() => {});
}

console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
