import fs from 'node:fs';
import { it } from 'vitest';
import { compareParsers } from './equivalence.js';
it('one', () => { console.log(compareParsers(fs.readFileSync(process.env['F']!, 'utf8'))); });
