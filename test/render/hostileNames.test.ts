import { parse } from 'csv-parse/sync';
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/sample/sample.js';
import { renderCsvReport } from '../../src/render/csvReport.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { createPaint } from '../../src/render/paint.js';
import { renderQualitySummary, renderQualityTable } from '../../src/render/quality.js';
import { renderSampleCsv, renderSampleSummary } from '../../src/render/sample.js';
import { terminalText } from '../../src/render/safeText.js';
import { renderTable } from '../../src/render/table.js';
import { HOSTILE, namedReport, PLAIN, sampleReport } from './sampleReport.js';

/** A CommonMark parser with GFM tables and every linkifier on (schemes, `//`, e-mail, bare domains, `.example` too). */
function markdownParser(): MarkdownIt {
  const md = markdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true }).tlds('example', true);
  return md;
}

function tokens(markdown: string): Token[] {
  return markdownParser().parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
}

/** The text a reader sees, cell by cell and line by line. */
function visibleText(markdown: string): string {
  return tokens(markdown).filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('\n');
}

/** Every structural token (not text), in order: what the data must not add to. */
function structure(markdown: string): string[] {
  return tokens(markdown).filter((t) => t.type !== 'text').map((t) => t.type);
}

// What GFM's autolink extension turns into a link: http(s):// and ftp:// addresses, www. and e-mail addresses.
const GFM_AUTOLINK = /(?:https?|ftp):\/\/|www\.|[\w.+-]+@[\w-]+\.[\w-]/i;
// What a terminal acts on or reads backwards: C0 but line feed, DEL, C1, bidi and zero-width controls, line separators.
const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** The bytes a terminal receives: no byte below 0x20 but line feed, no DEL, no ESC, and (decoded) no C1 or bidi control. */
function expectTerminalSafe(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  expect(bytes.filter((b) => (b < 0x20 && b !== 0x0a) || b === 0x7f)).toHaveLength(0);
  expect(text).not.toMatch(TERMINAL_UNSAFE);
}

// Spreadsheet formula triggers after normalisation (fullwidth ＝ is =), behind whitespace, or a leading tab or CR.
const FORMULA = /^(?:[\t\r]|\s*[=+\-@])/;

function expectNoFormula(csv: string): void {
  for (const cell of (parse(csv, { relaxColumnCount: true }) as string[][]).flat()) {
    if (FORMULA.test(cell.normalize('NFKC'))) expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
  }
}

/** Opening and closing tags with their attribute names, in order. */
function htmlStructure(html: string): string[] {
  return [...html.matchAll(/<(\/?[a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g)]
    .map((m) => `${m[1]}${[...m[2]!.matchAll(/\s+([\w:-]+)(?:="[^"]*")?/g)].map((a) => ` ${a[1]}`).join('')}`);
}

describe('Markdown: data text renders as itself, through a CommonMark + GFM parser', () => {
  const markdown = renderMarkdown(namedReport());
  const all = tokens(markdown);
  const text = visibleText(markdown);

  it('has no link, image, raw HTML, autolink or code node', () => {
    const injected = all.filter((t) => ['link_open', 'image', 'html_inline', 'html_block', 'code_inline', 'code_block', 'fence'].includes(t.type));
    // The privacy note's `--format html` is the one code span of the page.
    expect(injected.map((t) => t.content)).toEqual(['--format html']);
  });

  it('has the structure of the same report with plain names: no emphasis, heading, list or table cell added', () => {
    expect(structure(markdown)).toEqual(structure(renderMarkdown(namedReport(PLAIN))));
  });

  it('shows every name legibly, with addresses defanged and controls as escapes', () => {
    for (const shown of [
      '![px](https[://]evil.example/p.png)',
      '[click](https[://]evil.example/login)',
      '<https[://]evil.example/a>',
      '<script>alert("x")</script>',
      '=HYPERLINK("http[://]evil.example","click")',
      'www[.]evil.example',
      'boss[@]evil.example',
      '*bold* _em_ ~~gone~~ # &amp; $x$',
      'Team `rm -rf` B',
      '1. - + Team',
      '\\x1b]52;c;ZXZpbA==\\x07',
      '\\x1b[2J',
      '\\x9b31mred',
      '\\u202egnp.exe',
      'Team\\x00Null',
      '＝1+1',
      '\\x09=1+1',
      'first second',
      'North | South',
    ]) expect(text, shown).toContain(shown);
  });

  it('leaves nothing GFM would autolink in the visible text', () => {
    expect(text).not.toMatch(GFM_AUTOLINK);
  });

  it('keeps each name in its own breakdown column: the escaped | does not split a cell', () => {
    const rows = all.filter((t) => t.type === 'tr_open').length;
    expect(rows).toBeGreaterThan(0);
    const cells = all.filter((t) => t.type === 'th_open' || t.type === 'td_open').length;
    const plain = tokens(renderMarkdown(namedReport(PLAIN))).filter((t) => t.type === 'th_open' || t.type === 'td_open').length;
    expect(cells).toBe(plain);
  });

  it('is safe to print on a terminal too', () => {
    expectTerminalSafe(markdown);
  });

  it('leaves the indicator table of ordinary names as it was', () => {
    // Issue 10: each trend value of a rate with its n ("of 20").
    expect(renderMarkdown(sampleReport())).toContain('| Assessments completed within 45 working days (assessment-timeliness) | 84.6 % | 22 / 26 | ≥ 90.0 % | RED | 75.0 % of 20 → 81.4 % of 43 → 84.6 % of 26 |');
  });
});

describe('HTML: data text is escaped, without controls', () => {
  const html = renderHtml(namedReport());

  it('has exactly the tags and attributes of the same report with plain names', () => {
    expect(htmlStructure(html)).toEqual(htmlStructure(renderHtml(namedReport(PLAIN))));
  });

  it('carries no C0 control but tab and line feed, no DEL and no C1 control', () => {
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(html).toContain('<h1>![px](https://evil.example/p.png)</h1>');
    expect(html).toContain('TeamNull');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});

describe('terminal: data text shown with visible escapes', () => {
  it('terminalText escapes C0, DEL, C1, bidi, zero-width and separator characters, and leaves the rest', () => {
    expect(terminalText('\x1b]52;c;ZXZpbA==\x07')).toBe('\\x1b]52;c;ZXZpbA==\\x07');
    expect(terminalText('a\tb\nc\rd\x00e\x7ff\u009bg')).toBe('a\\x09b\\x0ac\\x0dd\\x00e\\x7ff\\x9bg');
    expect(terminalText('\u202Egnp.exe\u2066\u200b\u2028\ufeff')).toBe('\\u202egnp.exe\\u2066\\u200b\\u2028\\ufeff');
    expect(terminalText('Équipe Nord ＝1+1 – 84.6 % → ≥')).toBe('Équipe Nord ＝1+1 – 84.6 % → ≥');
  });

  it('the report table, with exceptions', () => {
    const table = renderTable(namedReport(), { paint: createPaint(false), exceptions: true });
    expectTerminalSafe(table);
    for (const shown of ['\\x1b]52;c;ZXZpbA==\\x07', '\\x1b[2J', '\\u202egnp.exe', 'Team\\x00Null', '\\x0d=1+1', 'first\\x0asecond', 'warning: assessment-timeliness: \\u202egnp.exe']) expect(table).toContain(shown);
  });

  it('the coloured report table holds no escape sequence but its own colours', () => {
    const table = renderTable(namedReport(), { paint: createPaint(true), exceptions: true });
    expect(table).toContain('\x1b[31m');
    expectTerminalSafe(table.replace(/\x1b\[\d+m/g, ''));
  });

  it('the data-quality summary and table', () => {
    const { files, unreadFiles } = namedReport().dataQuality;
    const summary = renderQualitySummary(files, unreadFiles);
    const table = renderQualityTable(files, unreadFiles);
    for (const text of [summary, table]) {
      expectTerminalSafe(text);
      for (const shown of ['\\x1b]52;c;ZXZpbA==\\x07', '\\x9b31mred', '"\\u202egnp.exe" (did you mean team?)', '\\x09=1+1, first\\x0asecond']) expect(text).toContain(shown);
    }
    expect(table).toContain('\\x1b[2J → team');
    expect(table).toContain('Team\\x00Null');
  });

  it('the sample summary', () => {
    const summary = renderSampleSummary(hostileSample());
    expectTerminalSafe(summary);
    expect(summary).toContain('  \\x1b[2J: 1 eligible, 1 sampled');
  });
});

describe('CSV: no cell a spreadsheet reads as a formula', () => {
  it('the report: fullwidth, whitespace-led, tab- and CR-led triggers are prefixed with an apostrophe', () => {
    const csv = renderCsvReport(namedReport());
    expectNoFormula(csv);
    const groups = (parse(csv) as string[][]).map((row) => row[3]);
    for (const neutralised of ["'＝1+1", "' =1+1", "'\t=1+1", "'\r=1+1", `'${HOSTILE.hyperlink}`, `'${HOSTILE.sum}`]) expect(groups).toContain(neutralised);
    // Not a formula: left as it is.
    expect(groups).toContain(HOSTILE.list);
  });

  it('the sample', () => {
    const csv = renderSampleCsv(hostileSample());
    expectNoFormula(csv);
    expect(csv).toContain("'＝1+1");
  });
});

/** A hand-made sample whose groups and records carry the hostile names. */
function hostileSample(): Sample {
  const names = Object.values(HOSTILE);
  return {
    kind: 'assessments',
    period: sampleReport().period,
    seed: 'x',
    size: 1,
    by: 'team',
    indicatorId: undefined,
    only: undefined,
    pseudonymised: false,
    frame: HOSTILE.osc52,
    dateColumns: [],
    eligible: names.length,
    groups: names.map((key) => ({ key, eligible: 1, sampled: 1 })),
    rows: names.map((name, i) => ({ kind: 'assessments', recordId: name, childId: `C${i}`, team: name, worker: name, dates: [], met: null, detail: name })),
    outsideFrame: 0,
  };
}
