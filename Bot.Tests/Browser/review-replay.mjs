// The conversations of the second journey review, replayed in the real Web Chat (Debian's headless Chromium), with a
// screenshot after each step that matters, and checks of what a transcript test cannot see: button labels and the
// self-serve links fit (nothing cut with an ellipsis, no empty bullet).
//   qualified: a prospect qualifies (and changes their email at the consent question), nobody from sales is
//     available, then asks the price for their team, "Pricing" again, "Book a demo", and says "ok thanks, bye".
//   questions: questions asked in the middle of the qualification; a size said at a later step.
//   billing:   "How do I switch from monthly to annual billing?" and "idk" at "Did that answer your question?".
//   demo:      "Book a demo" from a visitor who does not qualify (self-serve with a demo offer).
//   selfserve: a price question from a visitor who does not qualify (the self-serve links).
//   feedback:  after a coach ends the chat, 👍 then a question instead of a comment.
// Usage: node review-replay.mjs <base url> <sales console key> <output folder>. Prints one JSON line; exit 0 = passed.
import { TIMEOUT, buttons, launchChromium, normalize, say, screenshots, shows, tap, transcript } from './webchat-page.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [baseUrl, consoleKey, outputDir] = process.argv.slice(2);
if (!baseUrl || !consoleKey || !outputDir) {
  console.error('usage: node review-replay.mjs <base url> <sales console key> <output folder>');
  process.exit(2);
}
mkdirSync(outputDir, { recursive: true });
const shot = screenshots(outputDir);

const result = { ok: false, steps: [], problems: [] };
let browser;
const pages = {};

// How often the text appears in the transcript (Web Chat renders each text more than once: compare counts).
async function count(page, text) {
  return (await transcript(page)).split(normalize(text)).length - 1;
}

// Suggested actions whose label does not fit (Web Chat cuts them with an ellipsis).
async function cutButtons(page) {
  return page.locator('#webchat .webchat__suggested-action').evaluateAll(nodes => nodes
    .filter(n => [n, ...n.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1))
    .map(n => n.innerText.trim()));
}

async function settle(page) {
  await page.waitForTimeout(1200); // the replies of one turn arrive within a poll or two
}

function check(condition, problem) {
  if (!condition) {
    result.problems.push(problem);
  }
}

try {
  browser = await launchChromium();
  const errors = [];
  const open = async who => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', error => errors.push(`${who}: ${error}`));
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

  // --- qualified: nobody from sales is signed in, so the handoff is missed and the bot has the chat again.
  const q = await open('qualified');
  await startChat(q);
  await say(q, 'how much is the professional plan, we are 40 people');
  await shows(q, 'For 40 people on Professional: 40 seats × $80 per seat per month = $3,200 a month');
  await shows(q, "What's your role?");
  await tap(q, 'Sales');
  await shows(q, 'What would you mainly use Larkspur for?');
  await tap(q, 'Sales pipeline');
  await shows(q, 'When are you hoping to get started?');
  await tap(q, 'This month');
  await shows(q, "What's your work email?");
  await say(q, 'joe@gmail.com');
  await shows(q, 'Is it OK if our sales team emails you at');
  await say(q, 'hmm no wait, use joe@acmeplumbing.com');
  await shows(q, "Got it, I'll use");
  await settle(q);
  await shot(q, 'review-a1-consent-new-email.png');
  await tap(q, 'Yes');
  await shows(q, "Thanks, that's all I need.");
  await shows(q, 'nobody from our sales team is available');
  await settle(q);
  await shot(q, 'review-a2-qualified-missed.png');
  const thanksAfterQualifying = await count(q, "Thanks, that's all I need.");
  await say(q, 'so how much would professional be for us per month?');
  await shows(q, 'Would you like to go through it with someone from our sales team?');
  await settle(q);
  await shot(q, 'review-a3-price-after-qualified.png');
  result.afterQualifiedButtons = await buttons(q);
  await say(q, 'Pricing');
  await shows(q, "That's in my answer just above.");
  await say(q, 'Book a demo');
  await shows(q, 'Our sales team runs the demos.');
  await settle(q);
  result.demoButtons = await buttons(q);
  await shot(q, 'review-a4-demo-offered.png');
  await say(q, 'ok thanks, bye');
  await shows(q, 'Thanks for stopping by.');
  await settle(q);
  await shot(q, 'review-a5-bye.png');
  check(await count(q, "Thanks, that's all I need.") === thanksAfterQualifying, 'qualified: "that\'s all I need" said again after the qualification');
  check(!(await transcript(q)).includes('are you already using Larkspur?'), 'qualified: "ok thanks, bye" asked the visitor-type question');
  result.steps.push('qualified');

  // --- questions in the middle of the qualification.
  const d = await open('questions');
  await startChat(d);
  await tap(d, 'Pricing');
  await shows(d, "What's your role?");
  await tap(d, 'Sales');
  await shows(d, 'How many people work at your company?');
  await say(d, 'skip');
  await shows(d, 'What would you mainly use Larkspur for?');
  await say(d, 'do you integrate with gmail?');
  await shows(d, 'click Connect personal email');
  await settle(d);
  await shot(d, 'review-d1-question-answered.png');
  check((await buttons(d)).includes('Marketing email'), 'questions: the use-case question was not asked again');
  await say(d, 'we are 12 people');
  await shows(d, 'Got it, a team of 12.');
  await say(d, 'do you integrate with hubspot?');
  await shows(d, 'Someone from our team can go through that with you once we');
  await settle(d);
  await shot(d, 'review-d2-question-for-later.png');
  result.steps.push('questions');

  // --- billing how-to, then "idk".
  const b = await open('billing');
  await startChat(b);
  await say(b, 'How do I switch from monthly to annual billing?');
  await shows(b, 'Did that answer your question?');
  await settle(b);
  check(!(await transcript(b)).includes("What's your role?"), 'billing: the how-to started a qualification');
  await say(b, 'idk');
  await shows(b, 'Would you like to talk to someone from our sales team, or try one of the related questions?');
  await settle(b);
  result.idkButtons = await buttons(b);
  await shot(b, 'review-b1-billing-idk.png');
  result.steps.push('billing');

  // --- a demo request that does not qualify.
  const g = await open('demo');
  await startChat(g);
  await tap(g, 'Book a demo');
  await shows(g, "What's your role?");
  await tap(g, 'Other');
  await shows(g, 'How many people work at your company?');
  await say(g, 'just me');
  await shows(g, 'What would you mainly use Larkspur for?');
  await tap(g, 'Customer support');
  await shows(g, 'When are you hoping to get started?');
  await tap(g, 'Just looking');
  await shows(g, "What's your work email?");
  await say(g, 'skip');
  await shows(g, 'Our sales team runs the demos');
  await settle(g);
  result.selfServeDemoButtons = await buttons(g);
  await shot(g, 'review-g1-demo-not-qualified.png');
  result.steps.push('demo');

  // --- a price question that does not qualify: the self-serve links.
  const s = await open('selfserve');
  await startChat(s);
  await say(s, 'what are your prices? it is just me');
  await shows(s, "What's your role?");
  await tap(s, 'Other');
  await shows(s, 'What would you mainly use Larkspur for?');
  await tap(s, 'Customer support');
  await shows(s, 'When are you hoping to get started?');
  await tap(s, 'Just looking');
  await shows(s, "What's your work email?");
  await say(s, 'skip');
  await shows(s, 'The quickest way to get going is to try Larkspur yourself');
  await settle(s);
  result.selfServeButtons = await buttons(s);
  result.cutButtons = await cutButtons(s);
  // Each bullet is a real link that wraps inside the bubble: Web Chat turns a link it cannot open (a bare path) into a
  // non-wrapping citation button, which overflows and leaves its bullet empty.
  const bullets = await s.locator('#webchat li').evaluateAll(items => items.map(li => {
    const link = li.querySelector('a[href^="http"]');
    const box = li.getBoundingClientRect();
    const rects = link ? [...link.getClientRects()] : [];
    return {
      text: li.innerText.replace(/\u200b/g, '').trim(),
      href: link?.getAttribute('href') ?? null,
      empty: !link,
      cut: rects.some(r => r.right > box.right + 1) || (rects.length > 0 && rects[0].top > box.top + 4),
    };
  }));
  result.bullets = bullets;
  check(bullets.length > 0, 'selfserve: no bullets found');
  check(bullets.every(x => !x.empty && !x.cut), 'selfserve: a bullet is empty or its link does not fit: ' + JSON.stringify(bullets));
  check(result.cutButtons.length === 0, 'selfserve: cut buttons ' + JSON.stringify(result.cutButtons));
  await shot(s, 'review-g2-selfserve.png');
  result.steps.push('selfserve');

  // --- feedback: a coach ends the chat; a question at the comment step.
  const coach = await open('coach');
  await coach.goto(baseUrl + '/coach');
  await coach.fill('#key', consoleKey);
  await coach.click('[data-login] button[type="submit"]');
  await shows(coach, "you're available for sales");
  const f = await open('feedback');
  await startChat(f);
  await say(f, 'Can I talk to a person, please?');
  await shows(f, 'You are number 1 in line');
  const accept = coach.locator('[data-accept]').first();
  await accept.waitFor();
  await accept.click();
  await shows(f, "You're now chatting with Dana");
  // A chat counts as handled (and gets the feedback question) once the coach has written to the visitor.
  await say(coach, 'Happy to help!');
  await shows(f, 'Happy to help!');
  await coach.locator('[data-chat-actions]:not([hidden]) [data-command="end resolved"]').click();
  await shows(f, 'How did we do? Was this chat helpful?');
  await tap(f, '👍');
  await shows(f, "Anything you'd like to add?");
  await say(f, 'How do I add a user to my portal?');
  await shows(f, 'Go to Settings > Users & Teams and click Invite user.');
  await shows(f, 'Did that answer your question?');
  await settle(f);
  check(!(await transcript(f)).includes('noted that for the team'), 'feedback: the question was taken as a comment');
  result.answerButtons = await buttons(f);
  result.answerCutButtons = await cutButtons(f);
  check(result.answerCutButtons.length === 0, 'feedback: cut buttons ' + JSON.stringify(result.answerCutButtons));
  await shot(f, 'review-e1-question-after-thumbs-up.png');
  result.steps.push('feedback');

  // Each visitor's conversation id (the widget keeps it in localStorage), to read their events.
  result.conversations = {};
  for (const [who, page] of Object.entries(pages)) {
    if (who !== 'coach') {
      result.conversations[who] = await page.evaluate(() => JSON.parse(localStorage.getItem('larkspur.chat.session') || '{}').conversationId);
    }
  }
  result.errors = errors;
  result.ok = errors.length === 0 && result.problems.length === 0;
} catch (error) {
  result.error = String(error?.message ?? error);
  for (const [who, page] of Object.entries(pages)) {
    await page.screenshot({ path: join(outputDir, `review-${who}-failure.png`) }).catch(() => {});
  }
} finally {
  await browser?.close().catch(() => {});
}

console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
