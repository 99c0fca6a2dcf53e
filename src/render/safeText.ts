// Characters a terminal acts on or that change how the text around them reads:
// C0 controls (ESC starts OSC 52 clipboard writes and screen clears), DEL, C1
// controls (U+009B is a one-character CSI), bidi marks, embeddings, overrides and
// isolates ("\u202Egnp.exe" shows as "exe.png"), zero-width characters, and the
// Unicode line and paragraph separators.
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

// What HTML should not carry from the data: C0 controls other than tab and line feed, DEL and C1 controls.
const HTML_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from the data made inert for a terminal: every control, bidi or
 * invisible formatting character (tab and line feed included, so a value
 * cannot start a line of its own) is shown as a visible escape such as `\x1b`
 * or `\u202e`. Apply it to each piece of data text, before any colour is added.
 */
export function terminalText(text: string): string {
  return text.replace(TERMINAL_UNSAFE, visibleEscape);
}

/** Text from the data without the C0 controls (but tab and line feed), DEL and C1 controls, for HTML. */
export function withoutControls(text: string): string {
  return text.replace(HTML_UNSAFE, '');
}

/** Several lines of terminal text: each line made safe by `terminalText`, the line breaks kept. */
export function terminalLines(text: string): string {
  return text.split('\n').map(terminalText).join('\n');
}
