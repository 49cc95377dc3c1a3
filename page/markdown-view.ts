// The reports' Markdown shown as a page: the subset chuan writes (headings, tables, lists, rules,
// paragraphs; strong, emphasis, code spans, backslash escapes and the three entities of escape.ts), built
// as DOM nodes with text content only, so no data from a school can become markup.

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** Appends the rendering of `markdown` to `parent`. */
export function renderMarkdown(markdown: string, parent: HTMLElement): void {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    const heading = /^(#{1,6}) (.*)$/.exec(line);
    if (heading) {
      parent.append(inline(el(`h${Math.min(heading[1]!.length + 1, 6)}`), heading[2]!));
      i++;
    } else if (line === '---') {
      parent.append(el('hr'));
      i++;
    } else if (line.startsWith('|')) {
      const rows: string[] = [];
      while (i < lines.length && lines[i]!.startsWith('|')) rows.push(lines[i++]!);
      parent.append(table(rows));
    } else if (line.startsWith('- ')) {
      const list = el('ul');
      while (i < lines.length && lines[i]!.startsWith('- ')) list.append(inline(el('li'), lines[i++]!.slice(2)));
      parent.append(list);
    } else if (line.trim() === '') {
      i++;
    } else {
      const paragraph: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,6} |\||- |---$)/.test(lines[i]!)) paragraph.push(lines[i++]!);
      parent.append(inline(el('p'), paragraph.join(' ')));
    }
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K): HTMLElementTagNameMap[K];
function el(tag: string): HTMLElement;
function el(tag: string): HTMLElement {
  return document.createElement(tag);
}

function table(rows: string[]): HTMLElement {
  const out = el('table');
  const [head, rule, ...body] = rows;
  // ":---:" centres a column, "---:" aligns it right (GFM).
  const align = cells(rule ?? '').map((c) => (/^:-+:$/.test(c) ? 'center' : /^-+:$/.test(c) ? 'right' : ''));
  const aligned = (cell: HTMLElement, i: number): HTMLElement => {
    if (align[i]) cell.dataset['align'] = align[i];
    return cell;
  };
  const headRow = el('tr');
  cells(head ?? '').forEach((cell, i) => headRow.append(aligned(inline(el('th'), cell), i)));
  out.append(el('thead'));
  out.firstElementChild!.append(headRow);
  const tbody = el('tbody');
  for (const row of body) {
    const tr = el('tr');
    cells(row).forEach((cell, i) => tr.append(aligned(inline(el('td'), cell), i)));
    tbody.append(tr);
  }
  out.append(tbody);
  const wrap = el('div');
  wrap.className = 'table';
  wrap.append(out);
  return wrap;
}

/**
 * A row's cells: split at pipes that are not escaped. "\|" is a pipe inside a cell, code spans included
 * (GFM), so it becomes a plain "|", which inline() leaves as it is.
 */
function cells(row: string): string[] {
  const out: string[] = [];
  let cell = '';
  for (let i = 1; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && row[i + 1] === '|') {
      cell += '\\|';
      i++;
    } else if (c === '|') {
      out.push(cell.trim().replaceAll('\\|', '|'));
      cell = '';
    } else {
      cell += c;
    }
  }
  return out;
}

/** Inline Markdown of `text` into `parent`. */
function inline<T extends HTMLElement>(parent: T, text: string): T {
  const stack: HTMLElement[] = [parent];
  let buffer = '';
  const flush = (): void => {
    if (buffer !== '') stack[stack.length - 1]!.append(buffer);
    buffer = '';
  };
  const toggle = (tag: 'strong' | 'em'): void => {
    flush();
    const top = stack[stack.length - 1]!;
    if (stack.length > 1 && top.tagName.toLowerCase() === tag) {
      stack.pop();
      return;
    }
    const node = el(tag);
    top.append(node);
    stack.push(node);
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      buffer += text[i + 1];
      i += 2;
    } else if (c === '`') {
      const fence = /^`+/.exec(text.slice(i))![0];
      const end = closingFence(text, i + fence.length, fence.length);
      if (end < 0) {
        buffer += fence;
        i += fence.length;
        continue;
      }
      flush();
      let code = text.slice(i + fence.length, end);
      if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1);
      const node = el('code');
      node.textContent = code;
      stack[stack.length - 1]!.append(node);
      i = end + fence.length;
    } else if (text.startsWith('**', i)) {
      toggle('strong');
      i += 2;
    } else if (c === '*') {
      toggle('em');
      i += 1;
    } else {
      const entity = c === '&' ? Object.keys(ENTITIES).find((e) => text.startsWith(e, i)) : undefined;
      buffer += entity ? ENTITIES[entity] : c;
      i += entity ? entity.length : 1;
    }
  }
  flush();
  return parent;
}

/** Where a run of exactly `length` backticks starts at or after `from`; -1 when none. */
function closingFence(text: string, from: number, length: number): number {
  for (let i = from; i < text.length; ) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '`') j++;
    if (j - i === length) return i;
    i = j;
  }
  return -1;
}
