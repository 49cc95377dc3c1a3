// One pass over js-yaml's event stream builds the data (as yaml's toJS would) and the source ranges
// (as yaml's node.range would), for the plain block-style YAML that school files are written in.
// Anything outside that subset returns null and the file goes through the reference parser instead.
import type * as JsYaml from 'js-yaml';
import { jsyaml, resolveCorePlain } from './fast-schema.js';

/** A node's [start, end) in the text, as yaml's `node.range[0]` and `node.range[1]`. */
export interface PosNode {
  start: number;
  end: number;
  /** Mappings: keys in document order, their ranges, and the values (children). */
  keys?: string[];
  keyRanges?: [number, number][];
  /** Sequence items, or mapping values in the order of `keys`. */
  children?: PosNode[];
  /** Block collections: the column of their first item; -1 for scalars and flow collections. */
  indent: number;
  flow: boolean;
}

interface Frame {
  node: PosNode;
  kind: 'map' | 'seq';
  /** The collection's data: an object (mappings) or an array (sequences). */
  value: Record<string, unknown> | unknown[];
  /** Mappings: the next scalar is a key. */
  expectKey: boolean;
  key: string;
}

export interface Composed {
  value: Record<string, unknown>;
  root: PosNode;
}

const { EVENT_ID, SCALAR_STYLE, COLLECTION_STYLE } = jsyaml;

/** Thrown inside the walk when the text leaves the supported subset; never escapes this module. */
class Unsupported extends Error {}
const bail = (): never => {
  throw new Unsupported();
};

/**
 * Deepest nesting of collections the fast path takes. Real files need about 6; the reference path's
 * nesting guard (load/nesting.ts) over-estimates depth by at most one level per collection plus one,
 * so no file it refuses (more than 64) can be this shallow.
 */
export const MAX_FAST_DEPTH = 30;

/** Tabs, stray CR, BOM and the line breaks of other YAML versions: left to the reference parser wherever they appear. */
export function isSuspiciousText(text: string): boolean {
  if (text.includes('\t') || text.includes('\uFEFF') || text.includes('\u0085') || text.includes('\u2028') || text.includes('\u2029')) return true;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/**
 * The data and the ranges of every node, or null when the events show anything the fast path does not
 * reproduce exactly (anchors, aliases, tags, several documents, duplicate or non-string keys,
 * multi-line scalars or flow collections, block scalars, comments yaml would fold into a collection's end).
 */
export function compose(text: string, events: readonly JsYaml.Event[]): Composed | null {
  try {
    return walkEvents(text, events);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

function walkEvents(text: string, events: readonly JsYaml.Event[]): Composed {
  const stack: Frame[] = [];
  let root: PosNode | null = null;
  let rootValue: Record<string, unknown> | null = null;
  let documents = 0;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.explicitStart || event.explicitEnd || event.directives.length > 0) bail();
        break;
      case EVENT_ID.ALIAS:
        bail();
        break;
      case EVENT_ID.SCALAR:
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) bail();
        const parent = stack.at(-1);
        if (parent?.kind === 'map' && parent.expectKey) {
          if (event.type !== EVENT_ID.SCALAR) bail();
          addKey(text, parent, event as JsYaml.ScalarEvent);
          break;
        }
        if (!parent && root) bail();
        const node = event.type === EVENT_ID.SCALAR ? scalarNode(text, event, parent) : collectionNode(text, event);
        const value = event.type === EVENT_ID.SCALAR ? scalarValue(text, event) : event.type === EVENT_ID.MAPPING ? {} : [];
        if (!parent) {
          if (event.type !== EVENT_ID.MAPPING || node.flow) bail();
          root = node;
          rootValue = value as Record<string, unknown>;
        } else {
          (parent.node.children ??= []).push(node);
          if (parent.kind === 'map') {
            (parent.value as Record<string, unknown>)[parent.key] = value;
            parent.expectKey = true;
          } else {
            (parent.value as unknown[]).push(value);
          }
        }
        if (event.type === EVENT_ID.SEQUENCE) stack.push({ node, kind: 'seq', value: value as unknown[], expectKey: false, key: '' });
        if (event.type === EVENT_ID.MAPPING) stack.push({ node, kind: 'map', value: value as Record<string, unknown>, expectKey: true, key: '' });
        if (stack.length > MAX_FAST_DEPTH) bail();
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame) close(text, frame);
        break;
      }
    }
  }
  if (!root || !rootValue || stack.length > 0) bail();
  return { value: rootValue!, root: root! };
}

/** yaml's core schema on a plain scalar; quoted scalars are strings (js-yaml decodes '' in single quotes). */
function scalarValue(text: string, event: JsYaml.ScalarEvent): unknown {
  if (event.valueStart < 0) return null;
  if (event.style !== SCALAR_STYLE.PLAIN) return event.fast ? text.slice(event.valueStart, event.valueEnd) : jsyaml.getScalarValue(text, event);
  const source = text.slice(event.valueStart, event.valueEnd);
  const resolved = resolveCorePlain(source);
  return resolved === jsyaml.NOT_RESOLVED ? source : resolved;
}

function addKey(text: string, frame: Frame, event: JsYaml.ScalarEvent): void {
  const { valueStart, valueEnd, style } = event;
  if (valueStart < 0 || !event.fast || valueEnd - valueStart > 1000) bail();
  if (style !== SCALAR_STYLE.PLAIN && style !== SCALAR_STYLE.SINGLE_QUOTED && style !== SCALAR_STYLE.DOUBLE_QUOTED) bail();
  const key = text.slice(valueStart, valueEnd);
  // yaml and js-yaml turn non-string keys into different strings (null -> "" vs "null"): leave those to yaml.
  if (style === SCALAR_STYLE.PLAIN && resolveCorePlain(key) !== jsyaml.NOT_RESOLVED) bail();
  if (key === '__proto__' || key === '<<' || key.includes('\n')) bail();
  // A duplicate key is an error the reference parser locates and explains.
  if (Object.prototype.hasOwnProperty.call(frame.value, key)) bail();
  const quote = style === SCALAR_STYLE.PLAIN ? 0 : 1;
  const start = valueStart - quote;
  // An explicit key ("? key") or anything else before the key: not the subset.
  const before = previousSignificant(text, start);
  const node = frame.node;
  if (node.flow ? before !== '{' && before !== ',' : before !== '' && before !== '-') bail();
  if (!node.flow && node.keys === undefined && start !== node.start) bail();
  (node.keys ??= []).push(key);
  (node.keyRanges ??= []).push([start, valueEnd + quote]);
  frame.expectKey = false;
  frame.key = key;
}

function scalarNode(text: string, event: JsYaml.ScalarEvent, parent: Frame | undefined): PosNode {
  const { valueStart, valueEnd, style } = event;
  if (valueStart < 0) {
    // An empty value ("key:"): yaml places it after the ":" and the spaces that follow.
    if (!parent || parent.kind !== 'map' || parent.node.flow) bail();
    const keyEnd = parent!.node.keyRanges!.at(-1)![1];
    let i = keyEnd;
    while (text.charCodeAt(i) === 32) i++;
    if (text[i] !== ':') bail();
    i++;
    while (text.charCodeAt(i) === 32) i++;
    const next = text.charCodeAt(i);
    if (!(Number.isNaN(next) || next === 10 || next === 13 || next === 35)) bail();
    return { start: i, end: i, indent: -1, flow: false };
  }
  if (style === SCALAR_STYLE.PLAIN) {
    if (!event.fast) bail();
  } else if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
    if (style === SCALAR_STYLE.DOUBLE_QUOTED && !event.fast) bail();
    const quote = style === SCALAR_STYLE.DOUBLE_QUOTED ? '"' : "'";
    if (text[valueStart - 1] !== quote || text[valueEnd] !== quote) bail();
    if (text.lastIndexOf('\n', valueEnd - 1) >= valueStart) bail();
    return { start: valueStart - 1, end: valueEnd + 1, indent: -1, flow: false };
  } else {
    bail();
  }
  if (text.lastIndexOf('\n', valueEnd - 1) >= valueStart) bail();
  return { start: valueStart, end: valueEnd, indent: -1, flow: false };
}

function collectionNode(text: string, event: JsYaml.MappingEvent | JsYaml.SequenceEvent): PosNode {
  const flow = event.style === COLLECTION_STYLE.FLOW;
  const start = event.start;
  const opener = text[start];
  if (flow) {
    if (opener !== (event.type === EVENT_ID.MAPPING ? '{' : '[')) bail();
    return { start, end: start, indent: -1, flow: true };
  }
  if (event.type === EVENT_ID.SEQUENCE && opener !== '-') bail();
  return { start, end: start, indent: start - (text.lastIndexOf('\n', start - 1) + 1), flow: false };
}

function close(text: string, frame: Frame): void {
  const node = frame.node;
  if (frame.kind === 'map' && !frame.expectKey) bail();
  const last = node.children?.at(-1);
  if (node.flow) {
    // The closing bracket follows the last item, separated only by spaces and commas, on the same line.
    let i = last ? last.end : node.start + 1;
    for (let c = text.charCodeAt(i); c === 32 || c === 44; c = text.charCodeAt(++i));
    if (text[i] !== (frame.kind === 'map' ? '}' : ']')) bail();
    node.end = i + 1;
    if (text.lastIndexOf('\n', node.end - 1) > node.start) bail();
    return;
  }
  if (!last) bail();
  node.end = blockEnd(text, last!);
  if (commentInGap(text, node.end, node.indent)) bail();
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
    if (text.charCodeAt(last.end) === 35 || (nl >= 0 && commentInGap(text, nl + 1, 0))) bail();
    return last.end;
  }
  let i = last.end;
  while (text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) === 35) {
    if (i === last.end) bail();
    const nl = text.indexOf('\n', i);
    i = nl < 0 ? text.length : nl;
    if (text.charCodeAt(i - 1) === 13) i--;
  }
  if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) return i + 2;
  if (text.charCodeAt(i) === 10) return i + 1;
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
    while (text.charCodeAt(j) === 32) j++;
    const c = text.charCodeAt(j);
    if (c === 10) {
      lineStart = j + 1;
    } else if (c === 13 && text.charCodeAt(j + 1) === 10) {
      lineStart = j + 2;
    } else if (c === 35) {
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

/** The nearest non-space character before `offset` on the same line ('' at the line start). */
function previousSignificant(text: string, offset: number): string {
  let i = offset - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || text[i] === '\n') return '';
  return text[i]!;
}
