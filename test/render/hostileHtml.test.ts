import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { HOSTILE, namedReport, PLAIN } from './sampleReport.js';

// As in test/e2e/htmlPack.test.ts: Debian's package, which CI installs.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// Elements that run, fetch, navigate or submit: none may come from the data.
const ACTIVE = 'script, img, a, iframe, frame, object, embed, link, base, form, input, button, video, audio, source, image, use, foreignObject, meta[http-equiv]';

// Any element with an event-handler attribute (onerror, onload…).
const HANDLERS = 'xpath=//*[@*[starts-with(name(), "on")]]';

/** What the page holds once parsed: its element count, active elements, elements with event handlers, and its text. */
interface Dom {
  readonly elements: number;
  readonly active: number;
  readonly handlers: number;
  readonly text: string;
}

describe('the HTML pack of hostile names, opened in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-hostile-'));
  const requests: string[] = [];
  const dialogs: string[] = [];
  let browser: Browser | undefined;
  let page: Page;

  /** Writes the pack to a file, opens it and reads its DOM. */
  async function open(name: string, html: string): Promise<Dom> {
    const file = join(dir, name);
    writeFileSync(file, html);
    await page.goto(pathToFileURL(file).href, { waitUntil: 'networkidle' });
    return {
      elements: await page.locator('*').count(),
      active: await page.locator(ACTIVE).count(),
      handlers: await page.locator(HANDLERS).count(),
      text: (await page.locator('body').textContent()) ?? '',
    };
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\`.`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs nothing, fetches nothing and has the elements of the same pack with plain names', async () => {
    const hostile = await open('hostile.html', renderHtml(namedReport()));
    const plain = await open('plain.html', renderHtml(namedReport(PLAIN)));
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
    expect(hostile.active).toBe(0);
    expect(hostile.handlers).toBe(0);
    expect(hostile.elements).toBe(plain.elements);
  });

  it('shows every name as text, without its control characters', async () => {
    const { text } = await open('hostile.html', renderHtml(namedReport()));
    for (const name of Object.values(HOSTILE)) expect(text, JSON.stringify(name)).toContain(name.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ''));
  });
});
