// The human reports (Markdown, Word, and their forms) are built in the browser page as well as by the
// command line: nothing they import, directly or not, may need Node (no `node:` module).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/** Every module `entry` imports at run time (type-only imports left out), with the `node:` modules each one names. */
function runtimeImports(entry: string): { modules: string[]; node: string[] } {
  const seen = new Set<string>();
  const node: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('node:')) node.push(`${path.relative(packageRoot, file)} imports ${spec}`);
      // The page's bundle takes yaml-lib.page.ts for yaml-lib.js (src/page/write-page.ts), as this walk does.
      else if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec.replace(/yaml-lib\.js$/, 'yaml-lib.page.js').replace(/\.js$/, '.ts')));
    }
  };
  visit(path.join(packageRoot, entry));
  return { modules: [...seen].map((f) => path.relative(packageRoot, f)), node };
}

describe('the report path needs no Node module (the page renders the same reports)', () => {
  it.each(['src/report/formatters/markdown.ts', 'src/report/formatters/docx.ts', 'src/report/formatters/stylish.ts', 'src/report/forms/index.ts'])('%s', (entry) => {
    const { modules, node } = runtimeImports(entry);
    expect(modules.length).toBeGreaterThan(1);
    expect(node).toEqual([]);
  });

  it('the walk finds a node: import where there is one', () => {
    expect(runtimeImports('src/report/output-dir.ts').node).toContain('src/report/output-dir.ts imports node:path');
  });
});
