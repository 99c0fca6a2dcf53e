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

// The test config has no DOM lib: the little of the DOM the page.evaluate callbacks use.
interface DomElement {
  readonly tagName: string;
  readonly className: string;
  readonly textContent: string | null;
  getBoundingClientRect(): { readonly top: number; readonly right: number; readonly height: number };
  querySelector(selector: string): DomElement | null;
}
declare const document: { readonly documentElement: { readonly scrollWidth: number }; querySelectorAll(selector: string): ArrayLike<DomElement> & Iterable<DomElement> };

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

  describe('printed to an A4 PDF', () => {
    let bytes: Buffer;
    let pdf: PdfStructure;

    beforeAll(async () => {
      const file = join(dir, 'pack.pdf');
      // tagged: a structure tree (an /Art element per tile, a /Figure per chart) whose marked content names its page;
      // outline: every h1-h3 as a bookmark to its page and top position. Chromium writes the outline only when tagged.
      await page.pdf({ path: file, format: 'A4', printBackground: true, tagged: true, outline: true });
      bytes = readFileSync(file);
      pdf = readPdfStructure(bytes.toString('latin1'));
      // From here on the page is laid out as printed, at the printable width: the layout Chromium paginates.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: PRINTABLE_WIDTH_PX, height: 900 });
    });

    it('lays out no wider than the printable width of A4', async () => {
      // Wider content makes Chromium shrink every page to fit (the tiles row once made it 776px for 718px).
      const wide = await page.evaluate((width) => {
        const over = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 0.5);
        return { scrollWidth: document.documentElement.scrollWidth, over: over.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className}`) };
      }, PRINTABLE_WIDTH_PX);
      expect(wide.over).toEqual([]);
      expect(wide.scrollWidth).toBeLessThanOrEqual(PRINTABLE_WIDTH_PX);
    });

    it('has at most 17 pages', () => {
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.length).toBeGreaterThan(10_000);
      // The demo pack printed on 16 pages before issue 10 and on 10 with the print CSS (headline and missing list,
      // tiles, trends, breakdown, exceptions) for 25 indicators; with the second wave's 40 and the audit section it
      // prints on 15. 17 leaves room for a line or two more of data, not for the tiles or charts going back to one
      // page each (80 pages and more).
      expect(pdf.pages.length).toBeGreaterThanOrEqual(6);
      expect(pdf.pages.length).toBeLessThanOrEqual(17);
      // Chromium's A4 is 595.92 x 842.88 pt (8.27 x 11.71 in), not quite 297mm.
      expect(Math.abs(pdf.pageHeight - A4_HEIGHT_PT)).toBeLessThan(2);
    });

    // Limits: the outline holds h1-h3 only (figcaptions, table heads and team rows are kept with what follows by
    // break-after in the CSS but not checked here), and a heading counts as "at the foot" only when its top is in the
    // last HEADING_AND_LINE_PT of the printable area: a heading followed by a single line there would pass.
    it('leaves no heading at the foot of a page', () => {
      const headings = pdf.outline.filter((item) => /^H[1-3]$/.test(item.role));
      // h1, the h2 of every section and the h3 of every tile (a tile's h3 is checked with its tile below).
      expect(headings.length).toBeGreaterThan(indicators.length);
      const foot = headings
        .filter((h) => h.top - PRINT_MARGIN_BOTTOM_PT < HEADING_AND_LINE_PT)
        .map((h) => `${h.role} "${h.title}" on page ${h.page}, ${(h.top - PRINT_MARGIN_BOTTOM_PT).toFixed(1)} pt above the bottom margin`);
      expect(foot).toEqual([]);
    });

    // Limits: marked content is text and drawn graphics; a tile's background and border are untagged artifacts,
    // so a cut through its padding alone is left to the box check below.
    it('cuts no tile and no chart across two pages (marked content of the tagged PDF)', () => {
      const split = (role: string, parentRole?: string): Array<{ readonly title: string; readonly pages: readonly number[] }> =>
        pdf.elements
          .filter((e) => e.role === role && (parentRole === undefined || e.parentRole !== parentRole))
          .map((e) => ({ title: e.headingTitle, pages: e.pages }));
      const tiles = split('Art');
      const charts = split('Figure', 'Figure'); // the chart's <figure>, not the <svg> figure inside it
      expect(tiles.length).toBe(indicators.length);
      // A trend chart per indicator, and the audit section's grade chart (the demo has audits).
      expect(charts.length).toBe(indicators.length + 1);
      for (const { title, pages } of [...tiles, ...charts]) {
        expect(pages.length, `"${title}" is printed on pages ${pages.join(', ')}`).toBe(1);
      }
    });

    it('keeps every tile box, borders and padding included, inside one page (outline position + print layout)', async () => {
      // The marked content above misses a cut through a tile's padding or border, which are not tagged. So: lay the
      // pack out in print media at the printable width (the same layout Chromium paginates: a tile never breaks
      // inside, so only its position changes), measure each tile and its h3 within it, and place the box on the
      // page from the PDF outline, which gives the h3's top on its page. Limits: it trusts that the print-media
      // layout at 718px is the one Chromium paginated (the width test above guards the shrink-to-fit case), and
      // positions are good to TOLERANCE_PT. Charts have no heading in the outline: only the marked-content check
      // covers them.
      const tilesInPrint = await page.evaluate(() =>
        [...document.querySelectorAll('.tile')].map((tile) => {
          const box = tile.getBoundingClientRect();
          const h3 = tile.querySelector('h3')?.getBoundingClientRect();
          return { title: tile.querySelector('h3')?.textContent ?? '', height: box.height, h3Offset: (h3?.top ?? NaN) - box.top };
        }),
      );
      const tileHeadings = pdf.outline.filter((item) => item.role === 'H3' && item.parentRole === 'Art');
      expect(tileHeadings.map((h) => squash(h.title))).toEqual(tilesInPrint.map((t) => squash(t.title)));
      const outside = tilesInPrint.flatMap((tile, i) => {
        const h3 = tileHeadings[i]!;
        const top = h3.top + tile.h3Offset * PT_PER_PX;
        const bottom = top - tile.height * PT_PER_PX;
        const inside = top <= pdf.pageHeight - PRINT_MARGIN_TOP_PT + TOLERANCE_PT && bottom >= PRINT_MARGIN_BOTTOM_PT - TOLERANCE_PT;
        return inside ? [] : [`"${tile.title}" on page ${h3.page} spans ${top.toFixed(1)}-${bottom.toFixed(1)} pt`];
      });
      expect(outside).toEqual([]);
    });
  });
});

// A4 and the @page margins of src/render/html.ts (12mm top and bottom, 10mm left and right), in points and CSS px.
const PT_PER_MM = 72 / 25.4;
const PT_PER_PX = 0.75;
const A4_HEIGHT_PT = 297 * PT_PER_MM;
const PRINT_MARGIN_TOP_PT = 12 * PT_PER_MM;
const PRINT_MARGIN_BOTTOM_PT = 12 * PT_PER_MM;
const PRINTABLE_WIDTH_PX = Math.floor(((210 - 2 * 10) * PT_PER_MM) / PT_PER_PX); // 718
// An h2 line (15px at line-height 1.3 and its 6px margin) and a body line (10px at 1.3): 29pt, rounded up.
const HEADING_AND_LINE_PT = 40;
// The outline's top of a heading is within about 2pt of its box (a tile at the top of a page measures 1.7pt below
// the margin), so a cut of less than 3pt through a tile's bottom padding or border would go unseen by the box check.
const TOLERANCE_PT = 3;

/** Title without its spaces: Chromium drops the space where a heading wraps ("completedwithin"). */
function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

interface OutlineItem {
  readonly title: string;
  readonly role: string; // the structure role of the heading: H1, H2, H3
  readonly parentRole: string;
  readonly page: number; // 1-based
  readonly top: number; // pt from the bottom of the page, as PDF coordinates go
}

interface StructureElement {
  readonly role: string;
  readonly parentRole: string;
  readonly headingTitle: string; // text of its first outline heading, for messages
  readonly pages: readonly number[]; // 1-based, every page its marked content is drawn on
}

interface PdfStructure {
  readonly pages: readonly string[];
  readonly pageHeight: number;
  readonly outline: readonly OutlineItem[];
  readonly elements: readonly StructureElement[];
}

/**
 * Reads pages, outline and structure tree from the PDF Chromium (Skia) writes: every object is a plain
 * "N 0 obj <<...>> endobj" dictionary, only page contents and fonts are compressed streams. A PDF with object
 * streams (compressed dictionaries) fails loudly here rather than passing with nothing checked.
 */
function readPdfStructure(text: string): PdfStructure {
  if (/\/Type\s*\/ObjStm\b/.test(text)) throw new Error('the PDF has object streams: its dictionaries cannot be read as text');
  const objects = new Map<string, string>();
  for (const chunk of text.split(/\bendobj\b/)) {
    const header = [...chunk.matchAll(/(\d+) 0 obj\b/g)].at(-1);
    if (header?.index === undefined) continue;
    const body = chunk.slice(header.index + header[0].length);
    const stream = body.search(/\bstream\b/);
    objects.set(header[1]!, stream < 0 ? body : body.slice(0, stream));
  }
  const object = (id: string | undefined): string => {
    const body = id === undefined ? undefined : objects.get(id);
    if (body === undefined) throw new Error(`PDF object ${id} not found`);
    return body;
  };
  const ref = (dict: string, key: string): string | undefined => new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1];
  const name = (dict: string, key: string): string => new RegExp(`/${key}\\s*/(\\w+)`).exec(dict)?.[1] ?? '';

  const catalog = [...objects.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  if (catalog === undefined) throw new Error('the PDF has no catalog');
  // Pages in order: a depth-first walk of the page tree (Skia nests /Pages nodes of at most 8 kids).
  const pages: string[] = [];
  const walk = (id: string): void => {
    const node = object(id);
    if (/\/Type\s*\/Pages\b/.test(node)) {
      for (const kid of (/\/Kids\s*\[([^\]]*)\]/.exec(node)?.[1] ?? '').matchAll(/(\d+) 0 R/g)) walk(kid[1]!);
    } else pages.push(id);
  };
  walk(ref(catalog, 'Pages')!);
  const pageNumber = (id: string | undefined): number => pages.indexOf(id ?? '') + 1;
  const mediaBox = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(object(pages[0]));
  const pageHeight = Number(mediaBox?.[4]) - Number(mediaBox?.[2]);

  // Outline: /First and /Next from the root; each item's /SE is the heading's structure element.
  const outline: OutlineItem[] = [];
  const headingOf = new Map<string, string>(); // structure element -> title of the first heading in it, for messages
  const items = (first: string | undefined): void => {
    for (let id = first; id !== undefined; id = ref(object(id), 'Next')) {
      const item = object(id);
      const dest = /\/Dest\s*\[\s*(\d+) 0 R\s*\/XYZ\s+([-\d.]+)\s+([-\d.]+)/.exec(item);
      const se = ref(item, 'SE');
      if (dest !== null) {
        const parent = se === undefined ? undefined : ref(object(se), 'P');
        const title = pdfString(/\/Title\s*(\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(item)?.[1] ?? '');
        if (parent !== undefined && !headingOf.has(parent)) headingOf.set(parent, title);
        outline.push({
          title,
          role: se === undefined ? '' : name(object(se), 'S'),
          parentRole: parent === undefined ? '' : name(object(parent), 'S'),
          page: pageNumber(dest[1]),
          top: Number(dest[3]),
        });
      }
      items(ref(item, 'First'));
    }
  };
  items(ref(object(ref(catalog, 'Outlines')), 'First'));

  // Structure elements: the pages of an element are those of its own marked content (a bare MCID in /K is on its
  // /Pg; an /MCR or /OBJR dictionary names its own /Pg) and of its descendants'.
  const structure = new Map<string, { role: string; parent?: string; pages: Set<string> }>();
  for (const [id, body] of objects) {
    if (!/\/Type\s*\/StructElem\b/.test(body)) continue;
    const kids = /\/K\s*(\[[\s\S]*\]|\d+(?:\s+0\s+R)?|<<[\s\S]*>>)/.exec(body)?.[1] ?? '';
    const ownPages = new Set<string>([...kids.matchAll(/\/Pg\s+(\d+) 0 R/g)].map((m) => m[1]!));
    const bare = kids.replace(/<<[\s\S]*?>>/g, ' ').replace(/\d+\s+0\s+R/g, ' ');
    const page = ref(body.replace(/\/K\s*[\s\S]*$/, ''), 'Pg');
    if (/\d/.test(bare) && page !== undefined) ownPages.add(page);
    structure.set(id, { role: name(body, 'S'), parent: ref(body, 'P'), pages: ownPages });
  }
  const pagesOf = new Map<string, Set<string>>();
  for (const [, element] of structure) {
    for (let up: string | undefined = element.parent; up !== undefined; up = structure.get(up)?.parent) {
      const set = pagesOf.get(up) ?? new Set<string>();
      element.pages.forEach((p) => set.add(p));
      pagesOf.set(up, set);
    }
  }
  const elements = [...structure].map(([id, element]) => {
    const all = new Set([...element.pages, ...(pagesOf.get(id) ?? [])]);
    return {
      role: element.role,
      parentRole: structure.get(element.parent ?? '')?.role ?? '',
      headingTitle: headingOf.get(id) ?? `${element.role} ${id} 0 R`,
      pages: [...all].map(pageNumber).sort((a, b) => a - b),
    };
  });
  return { pages, pageHeight, outline, elements };
}

/** A PDF text string: a literal "(...)" with backslash escapes or a hex "<...>", UTF-16BE when it starts with FE FF. */
function pdfString(token: string): string {
  let raw: string;
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    raw = String.fromCharCode(...(hex.match(/../g) ?? []).map((h) => parseInt(h, 16)));
  } else {
    raw = token.slice(1, -1).replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) => {
      if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
      return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '\n': '' } as Record<string, string>)[c] ?? c;
    });
  }
  if (raw.startsWith('\xfe\xff')) {
    let decoded = '';
    for (let i = 2; i + 1 < raw.length; i += 2) decoded += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1));
    return decoded;
  }
  return raw;
}
