// What the browser scripts share: Debian's Chromium (never a browser of the tool's own) and the ways a person
// reads and uses a Web Chat page (the product page's widget or the coach console).
import { chromium } from 'playwright-core';
import { join } from 'node:path';

export const TIMEOUT = 25_000;

export function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// Web Chat renders markdown with typographic quotes and its own spacing: compare normalized text.
export const normalize = text => String(text).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ').trim();

export async function transcript(page) {
  return normalize(await page.locator('#webchat').innerText());
}

export async function shows(page, text) {
  const expected = normalize(text);
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if ((await transcript(page)).includes(expected)) {
      return;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for "${text}" on ${page.url()}`);
}

// The suggested actions on screen now (Web Chat shows only the latest activity's).
export async function buttons(page) {
  return (await page.locator('#webchat .webchat__suggested-action').allInnerTexts()).map(normalize).filter(Boolean);
}

export async function tap(page, label) {
  const button = page.locator('#webchat .webchat__suggested-action', { hasText: label }).first();
  await button.waitFor();
  await button.click();
}

export async function say(page, text) {
  const input = page.locator('[data-id="webchat-sendbox-input"]').first();
  await input.fill(text);
  await input.press('Enter');
}

// shot(page, name) saving into outputDir, after Web Chat has finished scrolling.
export function screenshots(outputDir) {
  return async (page, name) => {
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(outputDir, name) });
  };
}
