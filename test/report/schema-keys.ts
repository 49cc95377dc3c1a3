import fs from 'node:fs';
import path from 'node:path';
import { schemasDir } from '../../src/paths.js';

/** Every property name of the school files' schemas (profile, the packs' standards, the shared definitions). */
export function schemaKeys(): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const props = (node as { properties?: Record<string, unknown> }).properties;
    // Keys that are names (criterion numbers like "2.2" and item letters like "a" are printed as such by design).
    if (props && typeof props === 'object') for (const k of Object.keys(props)) if (/^[a-z][a-z0-9_]+$/.test(k)) keys.add(k);
    Object.values(node).forEach(walk);
  };
  const files = ['truong.schema.json', 'common.schema.json'];
  for (const entry of fs.readdirSync(schemasDir, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'editor') for (const f of fs.readdirSync(path.join(schemasDir, entry.name))) files.push(path.join(entry.name, f));
  }
  for (const f of files) walk(JSON.parse(fs.readFileSync(path.join(schemasDir, f), 'utf8')));
  return [...keys].sort();
}

/**
 * Single-word keys that are also Vietnamese words written without tone marks ("ngay khi", "Nguyễn Thị
 * Lan", "ma", "xa", "tre", "tinh thần", "phong phú", "Tiền phong"): in running Vietnamese text they are words, not keys.
 */
const ALSO_WORDS = new Set(['ngay', 'lan', 'ma', 'xa', 'tre', 'tinh', 'phong']);

/** The keys that occur in `text` as a word of their own (Vietnamese letters count as letters; a folder or file name such as thcs-le-loi is not a key). */
export function withoutKeys(text: string, keys: string[]): string[] {
  return keys.filter((k) => !ALSO_WORDS.has(k.toLowerCase()) && new RegExp(`(?<![\\p{L}\\p{N}_/-])${k}(?![\\p{L}\\p{N}_/-])`, 'u').test(text));
}

/** Markdown without its code spans (where a key may follow its name, in small print). */
export function markdownWithoutCode(markdown: string): string {
  return markdown.replace(/(`+)[\s\S]*?\1/g, ' ');
}
