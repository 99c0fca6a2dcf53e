import { growable, settled, sized, withRoom, type Resize } from './growable.js';
import { NumberRuns, type NumberRunsData } from './numberRuns.js';

/** Texts ending in digits, as a shape (prefix and number of digits) and the digits' number each. */
export interface NumberedTextsData {
  /** Each text's shape: 0 for a blank or absent text, else a number into `prefixes` and `widths`. */
  readonly shapes: Uint8Array;
  /** The digits' numbers: runs while each is the row before's plus one (ids exported in order). */
  readonly numbers: NumberRunsData;
  readonly prefixes: readonly string[];
  readonly widths: readonly number[];
}

/** Nine digits make a number below 2³²; longer runs leave their first digits in the prefix. */
const MAX_DIGITS = 9;
/** Shapes are numbered in a byte, 0 kept for blank. */
const MAX_SHAPES = 255;

/**
 * Texts that end in digits, as record ids do (V000123, A55047, 10045): each
 * a shape, its prefix and number of digits, shared by the ids exported
 * alike, and its digits' number. Five bytes an id where its bytes and their
 * end took 11 to 12, and one when the ids come in order (V000123, V000124…:
 * their numbers are runs); it reads back exactly, leading zeros and all. A text
 * that does not end in a digit, or a 256th shape, is refused: the caller
 * keeps the texts another way.
 */
export class NumberedTexts {
  private shapes: Uint8Array = growable(Uint8Array);
  private numbers = new NumberRuns();
  private readonly prefixes: string[] = [''];
  private readonly widths: number[] = [0];
  /** Each prefix's shapes by number of digits. */
  private readonly byPrefix = new Map<string, number[]>();
  /** The last shape used and its prefix's shapes: ids exported alike come together. */
  private last = 0;
  private lastByWidth: number[] = [];
  private count = 0;
  private unsettled = true;

  static from(data: NumberedTextsData): NumberedTexts {
    const texts = new NumberedTexts();
    texts.shapes = data.shapes;
    texts.numbers = NumberRuns.from(data.numbers);
    texts.count = data.shapes.length;
    texts.unsettled = false;
    data.prefixes.forEach((prefix, shape) => {
      if (shape === 0) return;
      texts.prefixes.push(prefix);
      texts.widths.push(data.widths[shape]!);
      texts.shapesOf(prefix)[data.widths[shape]!] = shape;
    });
    return texts;
  }

  get length(): number {
    return this.count;
  }

  /** Appends the text; false (and nothing kept) when it is not kept this way. */
  push(text: string | undefined): boolean {
    if (this.count === this.shapes.length) this.resize(Math.max(1024, this.count * 2), withRoom);
    let shape = 0;
    let number = 0;
    if (text !== undefined && text !== '') {
      let start = text.length;
      for (let scale = 1; start > 0 && text.length - start < MAX_DIGITS; scale *= 10) {
        const digit = text.charCodeAt(start - 1) - 48;
        if (digit < 0 || digit > 9) break;
        number += digit * scale;
        start--;
      }
      shape = start === text.length ? 0 : this.shapeOf(text, start);
      if (shape === 0) return false;
    }
    this.shapes[this.count++] = shape;
    this.numbers.push(number);
    return true;
  }

  /** The shape of a text whose digits start at `start`: found, or made; 0 when there is no room for another. */
  private shapeOf(text: string, start: number): number {
    const width = text.length - start;
    const lastPrefix = this.prefixes[this.last]!;
    if (this.last !== 0 && lastPrefix.length === start && text.startsWith(lastPrefix)) {
      const shape = this.lastByWidth[width];
      if (shape !== undefined) return (this.last = shape);
    }
    const prefix = text.slice(0, start);
    const byWidth = this.shapesOf(prefix);
    let shape = byWidth[width];
    if (shape === undefined) {
      if (this.prefixes.length > MAX_SHAPES) return 0;
      shape = byWidth[width] = this.prefixes.push(prefix) - 1;
      this.widths.push(width);
    }
    this.lastByWidth = byWidth;
    return (this.last = shape);
  }

  private shapesOf(prefix: string): number[] {
    let byWidth = this.byPrefix.get(prefix);
    if (byWidth === undefined) this.byPrefix.set(prefix, (byWidth = []));
    return byWidth;
  }

  get(i: number): string | undefined {
    const shape = this.shapes[i]!;
    if (shape === 0) return undefined;
    const digits = String(this.numbers.at(i));
    const width = this.widths[shape]!;
    return this.prefixes[shape]! + (digits.length === width ? digits : digits.padStart(width, '0'));
  }

  /** Makes room for this many texts in all (`sized`: a number known ahead; `withRoom`: grown). */
  resize(texts: number, how: Resize): void {
    this.unsettled = true;
    this.shapes = how(this.shapes, texts);
  }

  /** Makes room for this many texts in all (a guess: more may come). */
  reserve(texts: number): void {
    if (texts > this.shapes.length) this.resize(texts, sized);
  }

  /** Settles the arrays to their length, giving back the room grown for texts that never came. */
  trim(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    this.shapes = settled(this.shapes, this.count);
    this.numbers.trim();
  }

  /** The trimmed arrays, to cross a thread boundary. */
  data(): NumberedTextsData {
    this.trim();
    return { shapes: this.shapes, numbers: this.numbers.data(), prefixes: this.prefixes, widths: this.widths };
  }

  buffers(): ArrayBuffer[] {
    this.trim();
    return [this.shapes.buffer as ArrayBuffer, ...this.numbers.buffers()];
  }
}
