// Compares the fast parse path with the reference parser (yaml) on one text: when the fast path takes
// a file, yaml must accept it too, give the same value (Object.is on every leaf), and the same
// location for every node, every key, and paths that end in missing data.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { scanYaml } from '../../src/load/fast-scan.js';
import { locate, parseReference, parseYaml, sourceText, type YamlFile } from '../../src/load/yaml-file.js';
import type { YamlPath } from '../../src/types.js';
import { countValues } from '../../src/validate/validate-document.js';

/** `duplicates`: the fast path read the file and rejected it for repeated keys, as the reference path does. */
export type Verdict = { path: 'fast' | 'duplicates' | 'fallback'; problems: string[] };

export function compareParsers(text: string, file = 'f.yaml'): Verdict {
  const fast = parseYaml(file, text, 'fast');
  const reference = parseReference(file, text);
  if (!fast.ok && (scanYaml(text)?.duplicates.length ?? 0) > 0) {
    const same = !reference.ok && JSON.stringify(fast.diagnostics) === JSON.stringify(reference.diagnostics);
    return { path: 'duplicates', problems: same ? [] : [`duplicate keys reported differently: fast ${JSON.stringify(fast.diagnostics)} vs yaml ${JSON.stringify(reference.ok ? [] : reference.diagnostics)}`] };
  }
  if (!fast.ok || fast.yaml.source.parser !== 'fast') {
    // Fallback: the fast entry point must then give exactly the reference result.
    const same = fast.ok === reference.ok && (fast.ok || JSON.stringify(fast.diagnostics) === JSON.stringify((reference as { diagnostics: unknown }).diagnostics));
    return { path: 'fallback', problems: same ? [] : ['fallback result differs from the reference'] };
  }
  if (!reference.ok) return { path: 'fast', problems: [`fast path accepted a file yaml rejects: ${reference.diagnostics.map((d) => d.code).join(', ')}`] };
  const problems: string[] = [];
  diffValues(fast.yaml.value, reference.yaml.value, [], problems);
  // The fast reader counts values as it reads (validation's size limit): the count must be the walk's.
  const walked = countValues(reference.yaml.value, Number.MAX_SAFE_INTEGER, 0);
  if (fast.yaml.values !== walked) problems.push(`value count: fast ${String(fast.yaml.values)} vs ${walked}`);
  for (const [path, key] of everyPath(reference.yaml)) {
    const a = locate(fast.yaml, path, { key });
    const b = locate(reference.yaml, path, { key });
    if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${key ? 'key ' : ''}${JSON.stringify(path)}: fast ${show(a)} vs yaml ${show(b)}`);
    // What was typed there (messages quote it): the same characters from both readers.
    const typed = [sourceText(fast.yaml, path), sourceText(reference.yaml, path)];
    if (!key && typed[0] !== typed[1]) problems.push(`text at ${JSON.stringify(path)}: fast ${JSON.stringify(typed[0])} vs yaml ${JSON.stringify(typed[1])}`);
  }
  return { path: 'fast', problems };
}

const show = (l: ReturnType<typeof locate>): string => `${l.line}:${l.column}-${l.endLine}:${l.endColumn}`;

function diffValues(a: unknown, b: unknown, path: YamlPath, problems: string[]): void {
  if (problems.length > 20) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) problems.push(`${JSON.stringify(path)}: length ${a.length} vs ${b.length}`);
    a.forEach((x, i) => diffValues(x, b[i], [...path, i], problems));
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (JSON.stringify(ka) !== JSON.stringify(kb)) problems.push(`${JSON.stringify(path)}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`);
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) problems.push(`${JSON.stringify(path)}: prototypes differ`);
    for (const k of ka) diffValues((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], [...path, k], problems);
    return;
  }
  if (!Object.is(a, b)) problems.push(`${JSON.stringify(path)}: ${typeof a} ${String(a)} vs ${typeof b} ${String(b)}`);
}

/** Every node path of the reference document, with and without `key`, plus a missing child under each. */
export function everyPath(yaml: YamlFile): [YamlPath, boolean][] {
  if (yaml.source.parser !== 'reference') throw new Error('everyPath needs the reference document');
  const out: [YamlPath, boolean][] = [[[], false], [['__missing__'], false], [[0], false]];
  const visit = (node: Node | null | undefined, path: YamlPath): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        const child = [...path, key];
        out.push([child, false], [child, true], [[...child, 'missing', 1], false], [[...child, 0], false]);
        visit(pair.value as Node, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = [...path, i];
        out.push([child, false], [child, true], [[...child, 'x'], false]);
        visit(item as Node, child);
      });
      out.push([[...path, node.items.length], false], [[...path, '0'], false]);
    }
  };
  visit(yaml.source.doc.contents as Node, []);
  return out;
}
