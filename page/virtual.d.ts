// Modules the page build (src/page/write-page.ts) makes from the package's own files.
declare module 'chuan-page:rules' {
  /** Every pack under rules/, loaded and validated at build time. */
  const ruleSet: import('../src/engine/rule-types.js').RuleSet;
  export default ruleSet;
}
declare module 'chuan-page:schemas' {
  /** The school schemas' documents (for the names of fields in the reports). */
  const schemas: import('../src/init/dereference.js').SchemaNode[];
  export default schemas;
}
declare module 'chuan-page:validators' {
  /** ajv's standalone code for the school schemas (every error), by export name; `ids` maps names to $ids. */
  const generated: Record<string, unknown> & { ids: Record<string, string> };
  export default generated;
}
declare module 'chuan-page:first-error-validators' {
  /** The same validators stopping at the first error. */
  const generated: Record<string, unknown> & { ids: Record<string, string> };
  export default generated;
}
declare module 'chuan-page:worker' {
  /** The worker's bundled code. */
  const code: string;
  export default code;
}
declare module 'chuan-page:meta' {
  export const toolVersion: string;
}
