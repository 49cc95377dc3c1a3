// The library API: the CLI imports only what other programs could import too.
export { checkSchool, type CheckOptions } from './check/check-school.js';
export { checkTree, checkSchools, findSchools, type BatchOptions } from './batch/index.js';
export { discoverSchools } from './discover/discover.js';
export { loadRuleSet, packForSchoolType } from './engine/load-rules.js';
export type { Rule, RulePack, RuleSet, Check, Condition } from './engine/rule-types.js';
export { formatters, FORMAT_NAMES, type Formatter } from './report/formatters/index.js';
export type { FormatContext, ReportConfig } from './report/context.js';
export { SchemaRegistry } from './validate/schemas.js';
export { loadConfig, findConfigFile, type ChuanConfig } from './config/load-config.js';
export { applyOverlay } from './config/apply-overlay.js';
export { initSchool, type InitOptions, type InitResult } from './init/init-school.js';
export { checkEvidence } from './evidence/check-evidence.js';
export { readReport } from './diff/snapshot.js';
export { compareSchools } from './diff/compare.js';
export { ruleCatalogue } from './catalogue/rule-catalogue.js';
export { KnownError, isKnownError } from './errors.js';
export { main } from './cli/main.js';
export * from './types.js';
