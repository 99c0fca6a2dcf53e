import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, type CliRun } from './runCli.js';

// Debian's package; CI installs it. Missing means the test fails: a pack never opened in a browser is not tested.
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
// The demo extracts were taken on 20/11/2026 (fixtures/demo/README.md); pinned so no row becomes "future" on another clock.
const DEMO = ['report', '--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--trend', '6', '--by', 'team', '--title', 'Demo Authority'];
// Written beside the test results (git ignores them); docs/demo-pack.png in the README is a crop of one such shot.
const SCREENSHOT = join(ROOT, 'test-results', 'demo-pack.png');

interface JsonIndicator {
  readonly id: string;
  readonly exceptions: readonly unknown[];
}

describe('the HTML pack of the demo authority, opened in headless Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-pack-'));
  const pack = join(dir, 'pack.html');
  const packUrl = pathToFileURL(pack).href;
  const requests: string[] = [];
  const errors: string[] = [];
  let run: CliRun;
  let indicators: JsonIndicator[];
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (the HTML pack test must open the pack in a real browser).`);
    }
    run = runCli([...DEMO, '--format', 'html', '--out', pack]);
    indicators = JSON.parse(runCli([...DEMO, '--format', 'json']).stdout).indicators;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(packUrl, { waitUntil: 'networkidle' });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the pack with --out and exits 0', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Wrote html report to ${pack}`);
  });

  it('opens with no console errors and no request other than the file itself', () => {
    expect(errors).toEqual([]);
    expect(requests).toEqual([packUrl]);
  });

  it('has a tile and a drawn chart for every indicator of the JSON report', async () => {
    expect(indicators.length).toBeGreaterThan(0);
    for (const { id } of indicators) {
      await expect(page.locator(`.tile[data-indicator="${id}"]`).count(), `tile of ${id}`).resolves.toBe(1);
      const chart = page.locator(`.chart[data-indicator="${id}"] svg`);
      await expect(chart.count(), `chart of ${id}`).resolves.toBe(1);
      expect((await chart.boundingBox())?.height, `chart of ${id} drawn`).toBeGreaterThan(100);
    }
  });

  it('lists the children missing for more than 5 days at the top', async () => {
    const section = page.locator('section#missing');
    await expect(section.locator('h2').textContent()).resolves.toBe('Children missing for more than 5 days');
    const missing = indicators.find((i) => i.id === 'missing-over-5-days');
    await expect(section.locator('tbody tr').count()).resolves.toBe(missing?.exceptions.length);
  });

  it('takes a full-page screenshot', async () => {
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(readFileSync(SCREENSHOT).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('prints to an A4 PDF of at most 12 pages', async () => {
    const pdf = join(dir, 'pack.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
    // Chromium writes each page as a plain "/Type /Page" object. The demo pack printed on 16 pages before issue 10
    // and prints on 10 with the print CSS (headline and missing list, tiles, trends, breakdown, exceptions);
    // 12 leaves room for a line or two more of data, not for the tiles or charts going back to one page each.
    const pages = bytes.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pages).toBeLessThanOrEqual(12);
  });
});
