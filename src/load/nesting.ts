/**
 * Deepest nesting accepted in a YAML file. A self-assessment file needs about 6 levels; the yaml
 * package composes nested collections recursively (it runs out of stack near 900 levels), and so do
 * toJS, ajv and the rule engine, so anything deeper is refused before parsing.
 */
export const MAX_NESTING_DEPTH = 64;

export interface NestingProblem {
  /** UTF-16 offset in the text of the node that goes past the limit. */
  offset: number;
  depth: number;
}

const BLOCK_SCALAR_HEADER = /^[|>][1-9+-]{0,2}[ \t]*(#.*)?$/;
const FLOW_OPEN = new Set(['[', '{']);
const FLOW_CLOSE = new Set([']', '}']);
const FLOW_TOKEN_BEFORE = new Set(['[', '{', ',', ':', '?']);

/**
 * A cheap, linear over-estimate of the nesting depth: block levels from indentation and "- " / "? "
 * indicators, plus flow brackets outside quotes and comments. Returns the first place that goes
 * past `max`, or null. It never recurses, so any input is scanned in time proportional to its size.
 */
export function findExcessiveNesting(text: string, max: number = MAX_NESTING_DEPTH): NestingProblem | null {
  const block: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | null = null;
  let blockScalarParent: number | null = null;
  let lineStart = 0;
  /** Last non-space character seen in flow context (decides whether a quote opens a scalar). */
  let lastFlowChar = '[';

  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    let indent = 0;
    while (line[indent] === ' ') indent++;
    const blank = indent === line.length || line[indent] === '#';

    if (blockScalarParent !== null) {
      if (blank || indent > blockScalarParent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalarParent = null;
    }

    let col = 0;
    let valueStart = true;
    if (quote === null && flow === 0) {
      if (blank || /^(---|\.\.\.)([ \t]|$)/.test(line) || line.startsWith('%')) {
        lineStart = lineEnd + 1;
        continue;
      }
      while (block.length > 0 && block[block.length - 1]! >= indent) block.pop();
      col = indent;
      while ((line[col] === '-' || line[col] === '?') && (col + 1 === line.length || line[col + 1] === ' ')) {
        block.push(col);
        if (block.length > max) return { offset: lineStart + col, depth: block.length };
        col++;
        while (line[col] === ' ') col++;
      }
      block.push(col);
      if (block.length > max) return { offset: lineStart + col, depth: block.length };
    }

    for (let i = col; i < line.length; i++) {
      const c = line[i]!;
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = null;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quote = null;
        continue;
      }
      const afterSpace = i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t';
      if (c === '#' && afterSpace) break;
      if (flow > 0) {
        if (FLOW_OPEN.has(c)) {
          flow++;
          if (block.length + flow > max) return { offset: lineStart + i, depth: block.length + flow };
        } else if (FLOW_CLOSE.has(c)) {
          flow--;
        } else if ((c === '"' || c === "'") && FLOW_TOKEN_BEFORE.has(lastFlowChar)) {
          quote = c;
        }
        if (c !== ' ' && c !== '\t') lastFlowChar = c;
        continue;
      }
      // Block context: only the start of a value can open a flow collection, a quote or a block scalar.
      if (c === ' ' || c === '\t') continue;
      if (valueStart) {
        if (FLOW_OPEN.has(c)) {
          flow = 1;
          lastFlowChar = c;
          if (block.length + flow > max) return { offset: lineStart + i, depth: block.length + flow };
          valueStart = false;
          continue;
        }
        if (c === '"' || c === "'") {
          quote = c;
          valueStart = false;
          continue;
        }
        if ((c === '|' || c === '>') && BLOCK_SCALAR_HEADER.test(line.slice(i))) {
          blockScalarParent = indent;
          break;
        }
        if (c === '&' || c === '!') {
          // An anchor or a tag: the value follows it.
          while (i + 1 < line.length && line[i + 1] !== ' ') i++;
          continue;
        }
        valueStart = false;
      }
      if (c === ':' && (i + 1 === line.length || line[i + 1] === ' ' || line[i + 1] === '\t')) valueStart = true;
    }
    lineStart = lineEnd + 1;
  }
  return null;
}
