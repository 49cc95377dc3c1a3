import path from 'node:path';
import { loadRuleSet } from '../engine/load-rules.js';
import { packageRoot } from '../paths.js';
import { writeFileAtomic } from '../report/write-atomic.js';
import { ruleCatalogue } from './rule-catalogue.js';

// `npm run docs:rules`: regenerates docs/rules.md from rules/.
writeFileAtomic(path.join(packageRoot, 'docs', 'rules.md'), ruleCatalogue(loadRuleSet()));
