// A prospect walks through Web Chat from the greeting to a qualified handoff request, in Debian's headless Chromium:
// a sales coach is signed in on /coach (so the request is queued, not missed); the visitor opens the widget, asks
// "how much is the professional plan, we are 40 people", gets the documented prices, answers the qualification by
// tapping the suggested actions (the size is taken from the sentence) and typing an email, agrees to be contacted,
// and is queued for sales; the coach's queue panel shows the qualification summary. Then two more visitors: a
// documented question answered at once (and the feedback question), and an advice question routed to a coach.
// Usage: node prospect-journey.mjs <base url> <console key> <output folder>. Prints one JSON line; exit 0 = passed.
import { TIMEOUT, buttons, launchChromium, normalize, say, screenshots, shows, tap } from './webchat-page.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, consoleKey, outputDir] = process.argv.slice(2);
if (!baseUrl || !consoleKey || !outputDir) {
  console.error('usage: node prospect-journey.mjs <base url> <console key> <output folder>');
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
  const polled = {};
  const open = async who => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', error => errors.push(`${who}: ${error}`));
    // Every activity this page's Web Chat receives, to check nothing is sent twice.
    polled[who] = [];
    page.on('response', async response => {
      if (/\/v3\/directline\/conversations\/[^/]+\/activities/.test(response.url()) && response.request().method() === 'GET' && response.ok()) {
        try {
          polled[who].push(...((await response.json()).activities ?? []));
        } catch {
          // A cut-short response; the next poll repeats nothing we need.
        }
      }
    });
    pages[who] = page;
    return page;
  };
  const startChat = async page => {
    await page.goto(baseUrl + '/');
    await page.click('.chat-launcher');
    await page.locator('[data-id="webchat-sendbox-input"]').first().waitFor();
    await shows(page, 'What brings you here today?');
    await page.locator('#webchat .webchat__suggested-action').first().waitFor();
  };
  const coach = await open('coach');
  const visitor = await open('visitor');

  await coach.goto(baseUrl + '/coach');
  await coach.fill('#key', consoleKey);
  await coach.click('[data-login] button[type="submit"]');
  await shows(coach, "you're available for sales");
  result.steps.push('coach signed in');

  await startChat(visitor);
  result.welcomeButtons = await buttons(visitor);
  await shot(visitor, 'journey-1-welcome.png');
  result.steps.push('welcomed');

  await say(visitor, 'how much is the professional plan, we are 40 people');
  await shows(visitor, 'Professional ($80 per seat per month billed annually');
  await shows(visitor, 'for your team of 40');
  await shows(visitor, "What's your role?");
  result.roleButtons = await buttons(visitor);
  await shot(visitor, 'journey-2-prices-and-first-question.png');
  result.steps.push('price list, then qualification');

  await tap(visitor, 'Sales');
  await shows(visitor, 'What would you mainly use Larkspur for?');
  await tap(visitor, 'Sales pipeline');
  await shows(visitor, 'When are you hoping to get started?');
  await tap(visitor, 'This month');
  await shows(visitor, "What's your work email?");
  await say(visitor, 'jane.doe@acme.com');
  // Web Chat turns the address into a link (with an "opens in a new window" hint): match the words around it.
  await shows(visitor, 'Is it OK if our sales team emails you at');
  result.consentButtons = await buttons(visitor);
  await shot(visitor, 'journey-3-consent.png');
  await tap(visitor, 'Yes');
  await shows(visitor, 'Someone from our sales team is the best person to help you from here.');
  await shows(visitor, 'You are number 1 in line');
  result.steps.push('qualified and queued for sales');
  await shot(visitor, 'journey-4-queued.png');

  const accept = coach.locator('[data-accept]').first();
  await accept.waitFor();
  result.queuePanel = normalize(await coach.locator('[data-requests]').innerText());
  await shot(coach, 'journey-5-coach-queue.png');
  result.steps.push('coach sees the summary');

  // A customer-style question: answered from the knowledge base at once, then the feedback question.
  const asker = await open('asker');
  await startChat(asker);
  await say(asker, 'How do I add a user to my portal?');
  await shows(asker, 'Go to Settings > Users & Teams and click Invite user.');
  await shows(asker, 'Did that answer your question?');
  result.answerButtons = await buttons(asker);
  await shot(asker, 'journey-6-faq-answered.png');
  await tap(asker, 'Yes');
  await shows(asker, 'How did we do? Was this chat helpful?');
  result.feedbackButtons = await buttons(asker);
  await tap(asker, '👍');
  await shows(asker, "Anything you'd like to add?");
  await tap(asker, 'Skip');
  await shows(asker, 'Thanks for letting us know.');
  await shot(asker, 'journey-7-feedback.png');
  result.steps.push('faq answered, feedback given');

  // An advice question: a coach can help; one question says which team.
  const advice = await open('advice');
  await startChat(advice);
  await say(advice, 'How should an e-commerce business use email?');
  await shows(advice, "That's a question one of our coaches can answer best.");
  await shows(advice, 'are you already using Larkspur?');
  result.visitorTypeButtons = await buttons(advice);
  await tap(advice, 'Not yet');
  await shows(advice, 'You are number 2 in line');
  await shot(advice, 'journey-8-advice-routed.png');
  result.steps.push('advice routed to sales');

  // Nothing the bot sent arrived twice (same text in reply to the same message).
  result.duplicates = [];
  result.conversations = {};
  for (const who of ['visitor', 'asker', 'advice']) {
    const botMessages = polled[who].filter(a => a.type === 'message' && a.from?.role === 'bot');
    const seen = new Set();
    for (const a of botMessages) {
      const key = `${a.id}|${a.replyToId}|${a.text}`;
      const again = `${a.replyToId}|${a.text}`;
      if (!seen.has(key) && [...seen].some(k => k.endsWith('|' + again))) {
        result.duplicates.push(`${who}: ${a.text}`);
      }
      seen.add(key);
    }
    result.conversations[who] = botMessages[0]?.conversation?.id;
  }
  result.errors = errors;
  result.ok = errors.length === 0 && result.duplicates.length === 0;
} catch (error) {
  result.error = String(error?.message ?? error);
  for (const [who, page] of Object.entries(pages)) {
    await page.screenshot({ path: join(outputDir, `journey-${who}-failure.png`) }).catch(() => {});
  }
} finally {
  await browser?.close().catch(() => {});
}

console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
