// The fast parse path: one pass over the text builds the data and yaml-identical ranges (fast-scan.ts);
// yaml-file.ts falls back to the reference parser (`yaml`) for every file the scan does not take, so
// diagnostics and locations never depend on which path ran.
import type { YamlPath } from '../types.js';
import { scanYaml, type DuplicateKey, type PosNode } from './fast-scan.js';

/** Value and ranges of one file parsed on the fast path. */
export interface FastParse {
  value: unknown;
  root: PosNode;
  /** Values in the document, as validate-document counts them. */
  values: number;
  /** Repeated keys: the file is then rejected with one diagnostic each. */
  duplicates: DuplicateKey[];
}

/** Parses `text` on the fast path, or returns null when the file must take the reference path. */
export function parseFast(text: string, plain = false): FastParse | null {
  return scanYaml(text, plain);
}

/** yaml's walk over the ranges: the node at `path` or its nearest ancestor; `key` gives the key's range. */
export function fastRange(root: PosNode, path: YamlPath, key: boolean): readonly [number, number] {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    let next: PosNode | undefined;
    if (node.keys) {
      const index = node.keys.indexOf(String(segment));
      if (index < 0) break;
      if (key && i === path.length - 1) return [node.keyStarts![index]!, node.keyEnds![index]!];
      next = node.children![index];
    } else if (node.children && typeof segment === 'number') {
      next = node.children[segment];
    }
    if (!next) break;
    node = next;
  }
  return [node.start, node.end];
}

/** 1-based line and column of an offset, exactly as yaml's LineCounter gives them. */
export class LineIndex {
  private starts: number[] | null = null;

  constructor(private readonly text: string) {}

  linePos(offset: number): { line: number; col: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1]! + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
