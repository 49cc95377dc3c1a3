// Lines of the terminal report folded to the terminal's width at spaces, each continuation indented under
// the text it continues. Colour codes take no room; a word longer than the line (a path) is left whole.

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a text takes in a terminal: colour codes and combining marks none, wide (CJK, emoji) characters two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text.replace(ANSI, '')) {
    if (/\p{M}|\u200b|\u200d/u.test(c)) continue;
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(c) ? 2 : 1;
  }
  return width;
}

/** Every line of `text` folded to `width` columns (no change when a line fits). */
export function wrapText(text: string, width: number): string {
  return text.split('\n').map((line) => wrapLine(line, width)).join('\n');
}

function wrapLine(line: string, width: number): string {
  if (displayWidth(line) <= width) return line;
  const indent = /^ */.exec(line)![0].length;
  // Continuations two columns in: under the text of a remedy ("→ …"), visibly inside any other line.
  const hanging = ' '.repeat(Math.min(indent + 2, Math.floor(width / 2)));
  const words = line.slice(indent).split(' ');
  const out: string[] = [];
  let current = ' '.repeat(indent);
  let used = indent;
  let empty = true;
  for (const word of words) {
    const w = displayWidth(word);
    // The spaces between columns ("  chưa đạt  ") are kept within a line, never at the start of the next.
    if (word === '' && used + 1 > width) continue;
    if (!empty && w > 0 && used + 1 + w > width) {
      out.push(current.replace(/ +$/, ''));
      current = hanging + word;
      used = hanging.length + w;
      continue;
    }
    current += empty ? word : ` ${word}`;
    used += empty ? w : 1 + w;
    empty = false;
  }
  out.push(current);
  return out.join('\n');
}
