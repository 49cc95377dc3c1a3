// Property: random mutations of the bundled example schools never crash or hang checkSchool, and every
// output format renders the result well formed. Text mutations (lines deleted, duplicated, swapped,
// re-indented, values replaced by what people write, insertions, truncation, NFD, CRLF, BOM) mostly give
// invalid files; data edits (a value set to 0, a huge number, an odd date, an empty list; a key removed)
// keep the YAML valid and reach the rule engine with edge values.
import path from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { editValues, fcOptions, mutate, mutation, PROPERTY_TIMEOUT_MS, RUNS, valueEdit } from './arbitraries.js';
import { checkWithContent, newTiming, SCHOOL_FILES, timingLine, workspace, type Workspace } from './shared.js';

let ws: Workspace;
const timing = newTiming();
beforeAll(() => {
  ws = workspace();
});
afterAll(() => {
  ws.dispose();
  console.log(timingLine('mutated examples', timing));
});

describe(`mutated example schools never crash or hang checkSchool, and every report stays well formed (${RUNS} runs)`, () => {
  it('1 to 6 text mutations or data edits of one file of any example school', () => {
    const change = fc.oneof(
      fc.array(mutation, { minLength: 1, maxLength: 6 }).map((mutations) => (source: string) => mutate(source, mutations)),
      fc.array(valueEdit, { minLength: 1, maxLength: 4 }).map((edits) => (source: string) => stringify(editValues(parse(source, { uniqueKeys: false }), edits))),
    );
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.nat({ max: SCHOOL_FILES.length - 1 }), change, fc.nat(), (school, file, apply, lang) => {
        const dir = ws.schools[school % ws.schools.length]!;
        const source = ws.originals.get(path.join(dir, SCHOOL_FILES[file]!))!.toString('utf8');
        checkWithContent(ws, timing, school, file, apply(source), lang);
      }),
      fcOptions,
    );
  }, PROPERTY_TIMEOUT_MS);
});
