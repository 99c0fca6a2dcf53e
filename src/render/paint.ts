import { Chalk } from 'chalk';
import type { Rag } from '../core/rag.js';

/** Colours text for a terminal, or leaves it plain. Renderers take one; they never look at the terminal. */
export interface Paint {
  rag(rag: Rag, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Colour when `enabled`, plain text otherwise. */
export function createPaint(enabled: boolean): Paint {
  const chalk = new Chalk({ level: enabled ? 1 : 0 });
  const byRag: Record<Rag, (text: string) => string> = {
    green: chalk.green,
    amber: chalk.yellow,
    red: chalk.red,
    none: (text) => text,
  };
  return { rag: (rag, text) => byRag[rag](text), dim: chalk.dim, bold: chalk.bold };
}
