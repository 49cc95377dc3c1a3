// Property: whatever text or bytes one file of a school holds, checkSchool returns a result (never throws,
// never hangs), writes nothing, and every output format renders that result well formed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fcOptions, PROPERTY_TIMEOUT_MS, randomYaml, RUNS } from './arbitraries.js';
import { checkWithContent, newTiming, SCHOOL_FILES, timingLine, workspace, type Workspace } from './shared.js';

let ws: Workspace;
const timing = newTiming();
beforeAll(() => {
  ws = workspace();
});
afterAll(() => {
  ws.dispose();
  console.log(timingLine('random YAML', timing));
});

describe(`random input never crashes or hangs checkSchool, and every report stays well formed (${RUNS} runs)`, () => {
  it('random YAML-like text or bytes in any file of any example school, on either YAML parser', () => {
    const content = fc.oneof({ weight: 5, arbitrary: randomYaml }, { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }) });
    fc.assert(
      fc.property(fc.nat({ max: 6 }), fc.nat({ max: SCHOOL_FILES.length - 1 }), content, fc.nat(), fc.boolean(), (school, file, text, lang, reference) =>
        checkWithContent(ws, timing, school, file, text, lang, reference),
      ),
      fcOptions,
    );
  }, PROPERTY_TIMEOUT_MS);
});
