// A one-pass reader for the plain block-style YAML that school files are written in: block mappings
// and sequences, single-line scalars (plain, '…', "…" without escapes), single-line flow collections,
// comments. It builds the data exactly as yaml's toJS and the ranges exactly as yaml's node.range, and
// returns null (reference parser, `yaml`, instead) at the first thing outside that subset: anchors,
// aliases, tags, block scalars, multi-line scalars, escapes, explicit keys, document markers, odd
// indentation, non-string keys, duplicate keys in flow mappings, numbers that cannot exist, and any syntax
// error. Duplicate keys of block mappings are read through and listed, for the same diagnostics as
// yaml-limits.ts gives.
// test/perf proves the equivalence.
import { isPossibleNumber, NOT_RESOLVED, resolveCorePlain } from './fast-scalars.js';

/** A node's [start, end) in the text, as yaml's `node.range[0]` and `node.range[1]`. */
export interface PosNode {
  start: number;
  end: number;
  /** Mappings: keys in document order and where each starts and ends; `children` holds the values in the same order. */
  keys?: string[];
  keyStarts?: number[];
  keyEnds?: number[];
  /** Sequence items or mapping values. */
  children?: PosNode[];
  /** Block collections: the column of their items; -1 for scalars and flow collections. */
  indent: number;
}

export interface Scanned {
  value: Record<string, unknown>;
  root: PosNode;
  /** Values in the document (mappings, sequences and scalars, the root included): one per node. */
  values: number;
  /** Keys repeated in a block mapping, where each repetition starts; the document is invalid when there are any. */
  duplicates: DuplicateKey[];
}

export interface DuplicateKey {
  key: string;
  at: number;
}

/** Deepest nesting the fast path takes (real files need about 6); far below the reference path's guard (64). */
export const MAX_FAST_DEPTH = 30;

/** Thrown at the first construct outside the subset; caught in scanYaml, never escapes this module. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported();
const bail = (): never => {
  throw UNSUPPORTED;
};

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;

/** Characters that may not start a plain scalar here (quotes and flow openers are read before this check). */
const NOT_PLAIN_START = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`?:-') NOT_PLAIN_START[c.charCodeAt(0)] = 1;
const notPlainStart = (c: number): boolean => c < 128 && NOT_PLAIN_START[c] === 1;

/** Tabs, stray CR, BOM, control characters and the line breaks of other YAML versions: left to yaml. */
const SUSPICIOUS = /[\t\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\ufffe\uffff\u2028\u2029]/;

/** `plain`: the caller already knows the text holds none of the SUSPICIOUS characters (decode.ts). */
export function scanYaml(text: string, plain = false): Scanned | null {
  if (!plain && SUSPICIOUS.test(text)) return null;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== LF) return null;
  try {
    return new Scanner(text).document();
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

class Scanner {
  /** Start of the current line. */
  private line = 0;
  /** Indentation and first non-space offset of the current line (after nextContentLine). */
  private indent = 0;
  private first = 0;
  private depth = 0;
  private readonly entries = new OpenEntries();
  /** Nodes built so far; every value has one. */
  private nodes = 0;
  private readonly duplicates: DuplicateKey[] = [];

  constructor(private readonly text: string) {}

  document(): Scanned {
    this.nextContentLine();
    if (this.first >= this.text.length || this.indent !== 0) bail();
    const value: Record<string, unknown> = {};
    const root = this.blockMap(0, this.first, value);
    // Nothing after the root mapping but blank lines: a comment there would be folded into its range.
    if (this.first < this.text.length || commentInGap(this.text, root.end, 0)) bail();
    return { value, root, values: this.nodes, duplicates: this.duplicates };
  }

  /** Moves to the next line that holds content (skips blank and comment lines); sets indent and first. */
  private nextContentLine(): void {
    const text = this.text;
    let start = this.line;
    while (start < text.length) {
      let i = start;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (c !== LF && c !== CR && c !== HASH && i < text.length) {
        this.line = start;
        this.indent = i - start;
        this.first = i;
        return;
      }
      const nl = text.indexOf('\n', i);
      start = nl < 0 ? text.length : nl + 1;
    }
    this.line = text.length;
    this.indent = -1;
    this.first = text.length;
  }

  /** The line after the one `from` is on. */
  private advanceLine(from: number): void {
    const nl = this.text.indexOf('\n', from);
    this.line = nl < 0 ? this.text.length : nl + 1;
  }

  /** A block mapping whose first key starts at `at`, in column `indent`. Leaves the cursor on the next content line. */
  private blockMap(indent: number, at: number, value: Record<string, unknown>): PosNode {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    const node: PosNode = { start: at, end: at, indent };
    this.nodes++;
    const base = this.entries.open();
    const keyBase = this.entries.openKeys();
    let keyAt = at;
    for (;;) {
      // "..." in the first column ends a document.
      if (indent === 0 && this.text.startsWith('...', keyAt)) bail();
      const key = this.key(keyAt, false);
      if (Object.prototype.hasOwnProperty.call(value, key)) this.duplicates.push({ key, at: keyAt });
      const child = this.mapValue(indent, this.afterColon, value, key);
      this.entries.pushChild(child);
      // The cursor is on the next content line.
      if (this.indent === indent && this.first < this.text.length) {
        keyAt = this.first;
        continue;
      }
      if (this.indent > indent) bail();
      break;
    }
    this.entries.closeMap(node, base, keyBase);
    this.close(node);
    this.depth--;
    return node;
  }

  /** The value after "key:" (at `from`); stores it in `into[key]`. */
  private mapValue(indent: number, from: number, into: Record<string, unknown>, key: string): PosNode {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i >= text.length || c === LF || c === CR || (c === HASH && i > from)) {
      // Nothing on this line: a nested block node below, or an empty value.
      const empty = i;
      this.advanceLine(i);
      this.nextContentLine();
      if (this.indent > indent) {
        if (this.isSeqItem(this.first)) {
          const list: unknown[] = [];
          into[key] = list;
          return this.blockSeq(this.indent, list);
        }
        const map: Record<string, unknown> = {};
        into[key] = map;
        return this.blockMap(this.indent, this.first, map);
      }
      if (this.indent === indent && this.isSeqItem(this.first)) {
        const list: unknown[] = [];
        into[key] = list;
        return this.blockSeq(indent, list);
      }
      into[key] = null;
      this.nodes++;
      return { start: empty, end: empty, indent: -1 };
    }
    const node = this.inlineValue(i, false);
    into[key] = this.value;
    this.endOfLine(node.end);
    this.nextContentLine();
    return node;
  }

  /** A block sequence whose items ("- ") are in column `indent`, starting on the current line. */
  private blockSeq(indent: number, list: unknown[]): PosNode {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    const node: PosNode = { start: this.first, end: this.first, indent };
    this.nodes++;
    const base = this.entries.open();
    const text = this.text;
    for (;;) {
      // The cursor is on a line whose first character is the item's "-".
      let i = this.first + 1;
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      if (i >= text.length || c === LF || c === CR || c === HASH || i === this.first + 1) bail();
      if (this.isSeqItem(i)) bail();
      if (this.startsKey(i)) {
        const map: Record<string, unknown> = {};
        list.push(map);
        this.entries.pushChild(this.blockMap(i - this.line, i, map));
      } else {
        const child = this.inlineValue(i, false);
        list.push(this.value);
        this.entries.pushChild(child);
        this.endOfLine(child.end);
        this.nextContentLine();
      }
      if (this.indent === indent && this.isSeqItem(this.first)) continue;
      if (this.indent > indent) bail();
      break;
    }
    this.entries.closeSeq(node, base);
    this.close(node);
    this.depth--;
    return node;
  }

  private isSeqItem(at: number): boolean {
    if (this.text.charCodeAt(at) !== DASH) return false;
    const next = this.text.charCodeAt(at + 1);
    return next === SPACE || next === LF || next === CR || at + 1 >= this.text.length;
  }

  /** Whether a mapping key ("key:" followed by a space or the line end) starts at `at`. */
  private startsKey(at: number): boolean {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 34 || c === 39) {
      const close = text.indexOf(text[at]!, at + 1);
      if (close < 0) return false;
      let j = close + 1;
      while (text.charCodeAt(j) === SPACE) j++;
      return text.charCodeAt(j) === COLON;
    }
    if (c === 91 || c === 123) return false;
    for (let j = at; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === LF || d === CR) return false;
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) return false;
      if (d === COLON && isBreakOrSpace(text.charCodeAt(j + 1), j + 1 >= text.length)) return true;
    }
    return false;
  }

  /** Offset after the ":" of the last key read. */
  private afterColon = 0;

  /** A key at `at` and its ":"; adds it and its range to the open mapping, sets afterColon, returns the key. */
  private key(at: number, flow: boolean): string {
    const text = this.text;
    const c = text.charCodeAt(at);
    let key: string;
    let end: number;
    if (c === 34 || c === 39) {
      key = this.quoted(at);
      end = this.quotedEnd;
    } else {
      if (notPlainStart(c)) bail();
      let j = at;
      for (; j < text.length; j++) {
        const d = text.charCodeAt(j);
        if (d === LF || d === CR) bail();
        if (d === COLON && isBreakOrSpace(text.charCodeAt(j + 1), j + 1 >= text.length)) break;
        if (d === HASH && text.charCodeAt(j - 1) === SPACE) bail();
        if (flow && (d === 44 || d === 91 || d === 93 || d === 123 || d === 125)) bail();
      }
      if (j >= text.length) bail();
      end = j;
      while (text.charCodeAt(end - 1) === SPACE) end--;
      const known = knownKey(text, at, end);
      if (known !== undefined) {
        key = known;
      } else {
        key = text.slice(at, end);
        // yaml and js-style readers turn non-string keys into different strings: left to yaml.
        if (resolveCorePlain(key) !== NOT_RESOLVED) bail();
        if (end - at <= 1000 && key !== '__proto__' && key !== '<<') rememberKey(key);
      }
    }
    if (end - at > 1000 || key === '__proto__' || key === '<<') bail();
    let j = end;
    while (text.charCodeAt(j) === SPACE) j++;
    if (text.charCodeAt(j) !== COLON || !isBreakOrSpace(text.charCodeAt(j + 1), j + 1 >= text.length)) bail();
    this.entries.pushKey(key, at, end);
    this.afterColon = j + 1;
    return key;
  }

  /** The data of the last value read by inlineValue or flowCollection. */
  private value: unknown = null;

  /** A scalar or flow collection that starts at `at` and ends on the same line; its data goes to `value`. */
  private inlineValue(at: number, flow: boolean): PosNode {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === 91 || c === 123) return this.flowCollection(at);
    if (c === 34 || c === 39) {
      this.value = this.quoted(at);
      this.nodes++;
      return { start: at, end: this.quotedEnd, indent: -1 };
    }
    if (notPlainStart(c)) {
      // "-" may start a plain scalar when a non-space follows (-5, -x); the other indicators may not.
      if (c !== DASH || isBreakOrSpace(text.charCodeAt(at + 1), at + 1 >= text.length) || (flow && isFlowIndicator(text.charCodeAt(at + 1)))) bail();
    }
    let end = flow ? this.flowPlainEnd(at) : this.blockPlainEnd(at);
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const source = text.slice(at, end);
    const resolved = resolveCorePlain(source);
    // A number that cannot be a quantity (±infinity, NaN, beyond 2^53 - 1) is an error: the reference path reports it.
    if (typeof resolved === 'number' && !isPossibleNumber(resolved)) bail();
    this.value = resolved === NOT_RESOLVED ? source : resolved;
    this.nodes++;
    return { start: at, end, indent: -1 };
  }

  /** Offset after the closing quote of the last quoted scalar read. */
  private quotedEnd = 0;

  /** Where a plain scalar in block context ends: the line break or a comment (" #"); ": " inside is not the subset. */
  private blockPlainEnd(at: number): number {
    const text = this.text;
    let j = at;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === LF || d === CR) break;
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) break;
      if (d === COLON && isBreakOrSpace(text.charCodeAt(j + 1), j + 1 >= text.length)) bail();
    }
    return j;
  }

  /** Where a plain scalar in a flow collection ends: a flow indicator, a comment or the line break. */
  private flowPlainEnd(at: number): number {
    const text = this.text;
    let j = at;
    for (; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === LF || d === CR || isFlowIndicator(d)) break;
      if (d === HASH && text.charCodeAt(j - 1) === SPACE) break;
      if (d === COLON) {
        const next = text.charCodeAt(j + 1);
        if (isBreakOrSpace(next, j + 1 >= text.length) || isFlowIndicator(next)) bail();
      }
    }
    return j;
  }

  /** '…' or "…" on one line; double quotes without escapes. Returns the value; sets quotedEnd. */
  private quoted(at: number): string {
    const text = this.text;
    const quote = text[at]!;
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 ? text.length : nl;
    if (quote === '"') {
      const close = text.indexOf('"', at + 1);
      if (close < 0 || close > lineEnd) bail();
      const value = text.slice(at + 1, close);
      if (value.includes('\\')) bail();
      this.quotedEnd = close + 1;
      return value;
    }
    let j = at + 1;
    let value = '';
    let from = j;
    for (;;) {
      const close = text.indexOf("'", j);
      if (close < 0 || close > lineEnd) bail();
      if (text.charCodeAt(close + 1) === 39) {
        value += text.slice(from, close + 1);
        j = close + 2;
        from = j;
        continue;
      }
      this.quotedEnd = close + 1;
      return value + text.slice(from, close);
    }
  }

  /** [ … ] or { … } on one line, nested flow collections included; its data goes to `value`. */
  private flowCollection(at: number): PosNode {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    const text = this.text;
    const isMap = text.charCodeAt(at) === 123;
    const closer = isMap ? 125 : 93;
    const node: PosNode = { start: at, end: at, indent: -1 };
    this.nodes++;
    const base = this.entries.open();
    const keyBase = this.entries.openKeys();
    const map: Record<string, unknown> | null = isMap ? {} : null;
    const list: unknown[] | null = isMap ? null : [];
    let i = at + 1;
    for (;;) {
      while (text.charCodeAt(i) === SPACE) i++;
      if (text.charCodeAt(i) === closer) break;
      let valueAt = i;
      let key = '';
      if (map) {
        key = this.key(i, true);
        if (Object.prototype.hasOwnProperty.call(map, key)) bail();
        valueAt = this.afterColon;
        while (text.charCodeAt(valueAt) === SPACE) valueAt++;
      }
      const c = text.charCodeAt(valueAt);
      if (c === 44 || c === closer || c === LF || c === CR || c === HASH || valueAt >= text.length) bail();
      const child = this.inlineValue(valueAt, true);
      if (map) map[key] = this.value;
      else list!.push(this.value);
      this.entries.pushChild(child);
      i = child.end;
      while (text.charCodeAt(i) === SPACE) i++;
      const d = text.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d !== closer) bail();
      break;
    }
    node.end = i + 1;
    if (map) this.entries.closeMap(node, base, keyBase);
    else this.entries.closeSeq(node, base);
    this.depth--;
    this.value = map ?? list;
    return node;
  }

  /** After a value: only spaces and a comment before the line break. */
  private endOfLine(from: number): void {
    const text = this.text;
    let i = from;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === HASH && i > from) {
      this.advanceLine(i);
      return;
    }
    if (c === LF || c === CR || i >= text.length) {
      this.advanceLine(i);
      return;
    }
    bail();
  }

  /** A block collection ends where yaml's range of its last item ends; comments that yaml would fold in: not the subset. */
  private close(node: PosNode): void {
    node.end = blockEnd(this.text, node.children!.at(-1)!);
    if (commentInGap(this.text, node.end, node.indent)) bail();
  }
}

/**
 * The keys and children of the collections being read, on shared stacks: a nested collection pushes above
 * its parent's entries and takes them off when it closes, so each collection gets arrays of its exact size
 * (growing a fresh array per collection allocates several times what it keeps).
 */
class OpenEntries {
  private readonly keys: string[] = [];
  private readonly keyStarts: number[] = [];
  private readonly keyEnds: number[] = [];
  private readonly children: PosNode[] = [];
  // Tops of the stacks; the arrays never shrink (shrinking an array trims and later regrows its store).
  private keyTop = 0;
  private childTop = 0;

  /** Where the next collection's children start. */
  open(): number {
    return this.childTop;
  }

  /** Where the next mapping's keys start (a mapping's key is pushed before its value is read). */
  openKeys(): number {
    return this.keyTop;
  }

  pushKey(key: string, start: number, end: number): void {
    this.keys[this.keyTop] = key;
    this.keyStarts[this.keyTop] = start;
    this.keyEnds[this.keyTop++] = end;
  }

  pushChild(child: PosNode): void {
    this.children[this.childTop++] = child;
  }

  closeMap(node: PosNode, base: number, keyBase: number): void {
    node.keys = this.keys.slice(keyBase, this.keyTop);
    node.keyStarts = this.keyStarts.slice(keyBase, this.keyTop);
    node.keyEnds = this.keyEnds.slice(keyBase, this.keyTop);
    this.keyTop = keyBase;
    this.closeSeq(node, base);
  }

  closeSeq(node: PosNode, base: number): void {
    node.children = this.children.slice(base, this.childTop);
    this.childTop = base;
  }
}

/**
 * Plain keys already read, by length and first character. School files use a few hundred distinct keys
 * thousands of times: handing back the same string lets the engine skip hashing and interning a fresh
 * copy for every duplicate check and property store. Bounded, since keys come from the input.
 */
const keyBuckets = new Map<number, string[]>();
let keysKnown = 0;
const MAX_KNOWN_KEYS = 4096;

function knownKey(text: string, at: number, end: number): string | undefined {
  const bucket = keyBuckets.get(((end - at) << 16) | text.charCodeAt(at));
  if (bucket) for (const key of bucket) if (text.startsWith(key, at)) return key;
  return undefined;
}

function rememberKey(key: string): void {
  if (keysKnown >= MAX_KNOWN_KEYS) return;
  const id = (key.length << 16) | key.charCodeAt(0);
  const bucket = keyBuckets.get(id);
  if (bucket) bucket.push(key);
  else keyBuckets.set(id, [key]);
  keysKnown++;
}

function isBreakOrSpace(c: number, atEnd: boolean): boolean {
  return atEnd || c === SPACE || c === LF || c === CR;
}

function isFlowIndicator(c: number): boolean {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}

/**
 * yaml's range[2] of the last item, which is where a block collection ends: past a scalar's or flow
 * collection's trailing spaces, comment and line break; a nested block collection's own end; an
 * empty value's own position.
 */
function blockEnd(text: string, last: PosNode): number {
  if (last.indent >= 0) return last.end;
  if (last.start === last.end) {
    // An empty value keeps the comments after it (on its line or below) in its own range: left to yaml.
    const nl = text.indexOf('\n', last.end);
    if (text.charCodeAt(last.end) === HASH || (nl >= 0 && commentInGap(text, nl + 1, 0))) bail();
    return last.end;
  }
  let i = last.end;
  while (text.charCodeAt(i) === SPACE) i++;
  if (text.charCodeAt(i) === HASH) {
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? text.length : nl;
    if (text.charCodeAt(i - 1) === CR) i--;
  }
  if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) return i + 2;
  if (text.charCodeAt(i) === LF) return i + 1;
  if (i < text.length) bail();
  return i;
}

/**
 * yaml folds comment lines that follow a block collection into the collection's end when they are
 * indented at least as deep as its items (and in a few other arrangements); such files take the
 * reference path rather than reproducing those rules.
 */
function commentInGap(text: string, from: number, indent: number): boolean {
  let lineStart = from;
  while (lineStart < text.length) {
    let j = lineStart;
    while (text.charCodeAt(j) === SPACE) j++;
    const c = text.charCodeAt(j);
    if (c === LF) {
      lineStart = j + 1;
    } else if (c === CR && text.charCodeAt(j + 1) === LF) {
      lineStart = j + 2;
    } else if (c === HASH) {
      if (j - lineStart >= indent) return true;
      const nl = text.indexOf('\n', j);
      if (nl < 0) return false;
      lineStart = nl + 1;
    } else {
      return false;
    }
  }
  return false;
}
