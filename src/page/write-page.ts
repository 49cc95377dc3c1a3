// Build step (npm run build): dist/chuan.html, the page that checks a school folder in the browser. One
// self-contained file: the worker, the rule set (every pack under rules/, loaded and validated here), the
// school schemas' validators (ajv's standalone code) and the style are inside it; a Content-Security-Policy
// with the hashes of its own script and style forbids everything else, network access included.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, transform, type Plugin } from 'esbuild';
import { loadRuleSet } from '../engine/load-rules.js';
import { packageRoot, schemasDir } from '../paths.js';
import { readSchemaSources } from '../validate/precompiled.js';
import { profileSchemaId, SCHEMA_BASE } from '../validate/validators.js';
import { standaloneValidators } from '../validate/standalone.js';
import { toolVersion } from '../version.js';

const PAGE_FILE = path.join(packageRoot, 'dist', 'chuan.html');
const pageDir = path.join(packageRoot, 'page');


/** The modules the page's code imports as chuan-page:…, made from this package's files. */
function virtualModules(): Record<string, { contents: string; loader: 'js' | 'json' }> {
  const ruleSet = loadRuleSet();
  const sources = readSchemaSources(schemasDir);
  // The page validates school folders and their configuration only: the profile, every pack's school files, chuan.config.yaml.
  const packPrefixes = ruleSet.packs.map((p) => `${SCHEMA_BASE}${p.id}/`);
  const exported = (id: string): boolean => id === profileSchemaId || id === `${SCHEMA_BASE}config.schema.json` || packPrefixes.some((prefix) => id.startsWith(prefix));
  // Rule origins name the rule files relative to the package, never a path of this machine.
  const rules = JSON.stringify(ruleSet, (key, value: unknown) =>
    key === 'file' && typeof value === 'string' && path.isAbsolute(value) ? path.relative(packageRoot, value).split(path.sep).join('/') : value);
  const documents = sources.map((source) => JSON.parse(source.text) as { $id: string });
  const used = refClosure(documents, documents.map((d) => d.$id).filter(exported));
  return {
    'chuan-page:rules': { contents: rules, loader: 'json' },
    'chuan-page:schemas': { contents: JSON.stringify(documents.filter((d) => used.has(d.$id))), loader: 'json' },
    'chuan-page:validators': { contents: standaloneValidators(sources, { exported }), loader: 'js' },
    'chuan-page:first-error-validators': { contents: standaloneValidators(sources, { allErrors: false, exported }), loader: 'js' },
    'chuan-page:meta': { contents: `export const toolVersion = ${JSON.stringify(toolVersion)};`, loader: 'js' },
  };
}

/** The $ids of `roots` and of every schema they reference, directly or not. */
function refClosure(documents: { $id: string }[], roots: string[]): Set<string> {
  const byId = new Map(documents.map((d) => [d.$id, d]));
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id) || !byId.has(id)) return;
    seen.add(id);
    for (const [, ref] of JSON.stringify(byId.get(id)).matchAll(/"\$ref":"([^"#]*)/g)) if (ref) visit(new URL(ref, id).href);
  };
  roots.forEach(visit);
  return seen;
}

/** Resolves chuan-page:… to `modules`, node:path to path-browserify, and refuses every other Node module. */
function pagePlugin(modules: Record<string, { contents: string; loader: 'js' | 'json' }>): Plugin {
  const pathBrowserify = createRequire(import.meta.url).resolve('path-browserify');
  return {
    name: 'chuan-page',
    setup(b) {
      b.onResolve({ filter: /^chuan-page:/ }, (args) => ({ path: args.path, namespace: 'chuan-page' }));
      b.onLoad({ filter: /.*/, namespace: 'chuan-page' }, (args) => {
        const module = modules[args.path];
        return module ? { ...module, resolveDir: packageRoot } : { errors: [{ text: `unknown page module ${args.path}` }] };
      });
      b.onResolve({ filter: /^node:path$/ }, () => ({ path: pathBrowserify }));
      // The CLI loads yaml on first use through node:module; the page bundles it (see src/load/yaml-lib.ts).
      b.onResolve({ filter: /(^|\/)yaml-lib\.js$/ }, (args) => ({ path: path.join(args.resolveDir, args.path.replace(/yaml-lib\.js$/, 'yaml-lib.page.ts')) }));
      b.onResolve({ filter: /^node:/ }, (args) => ({ errors: [{ text: `${args.path} cannot run in the page (imported by ${path.relative(packageRoot, args.importer)})` }] }));
    },
  };
}

async function bundle(entry: string, modules: Record<string, { contents: string; loader: 'js' | 'json' }>): Promise<string> {
  const result = await build({
    entryPoints: [path.join(pageDir, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [pagePlugin(modules)],
  });
  return result.outputFiles[0]!.text;
}

/**
 * The worker's code with "<!--" and "</script" (in the Word library's string literals) written with a
 * backslash before "!" or "/": the same strings in JavaScript, and nothing that could end or change the
 * page's <script> element.
 */
function htmlSafe(code: string): string {
  const safe = code.replace(/<!--/g, '<\\!--').replace(/<\/script/gi, (m) => `<\\/${m.slice(2)}`);
  // Still a script: the replacements must all have been inside string literals.
  new Function(safe);
  return safe;
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The page's HTML: its script and style inline, the policy allowing exactly those two and the worker made from a blob. */
async function pageHtml(): Promise<string> {
  const modules = virtualModules();
  const worker = htmlSafe(await bundle('worker.ts', modules));
  const script = await bundle('main.ts', { ...modules, 'chuan-page:worker': { contents: `export default ${JSON.stringify(worker)};`, loader: 'js' } });
  const style = (await transform(fs.readFileSync(path.join(pageDir, 'style.css'), 'utf8'), { loader: 'css', minify: true })).code.trim();
  // Inside <script>, "</script" or "<!--" would end or change the element.
  if (/<\/script|<!--/i.test(script)) throw new Error('the page script contains </script or <!--');
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)}`,
    `style-src ${sha256(style)}`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const template = fs.readFileSync(path.join(pageDir, 'index.html'), 'utf8');
  return template.replace('__CSP__', csp).replace('<style>__STYLE__</style>', () => `<style>${style}</style>`).replace('<script>__SCRIPT__</script>', () => `<script>${script}</script>`);
}

const html = await pageHtml();
const tmp = path.join(path.dirname(PAGE_FILE), `.${path.basename(PAGE_FILE)}.${process.pid}.tmp`);
fs.writeFileSync(tmp, html);
fs.renameSync(tmp, PAGE_FILE);
