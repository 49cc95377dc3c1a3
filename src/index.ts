// The library API: the CLI imports only what other programs could import too.
export { checkSchool, type CheckOptions } from './check/check-school.js';
export { checkTree, type TreeResult } from './check/check-tree.js';
export { discoverSchools } from './discover/discover.js';
export { loadRuleSet, packForSchoolType } from './engine/load-rules.js';
export type { Rule, RulePack, RuleSet, Check, Condition } from './engine/rule-types.js';
export { formatters, FORMAT_NAMES, type Formatter } from './report/formatters/index.js';
export type { FormatContext, ReportConfig } from './report/context.js';
export { SchemaRegistry } from './validate/schemas.js';
export { KnownError, isKnownError } from './errors.js';
export { main } from './cli/main.js';
export * from './types.js';
