/**
 * Text people wrote (task titles, names), shown literally in a group robot's markdown: put on
 * one line, so that it cannot start a heading, quote or list of its own (it is always placed
 * after other text on a line), and with the characters that make markup mid-line
 * backslash-escaped, so that it cannot make bold text, a link, an image, code, a table or an
 * HTML tag such as WeCom's <font>. Other punctuation (dates' `-`, `.`, `:`) is left as written.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').replace(/[\\`*_[\]()<>#!|~]/g, (c) => `\\${c}`);
}
