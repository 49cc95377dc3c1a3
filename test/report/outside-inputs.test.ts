import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnownError } from '../../src/errors.js';
import { assertOutsideInputs } from '../../src/report/write-atomic.js';

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'chuan-outside-')));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const school = path.join(root, 'truong-a');
fs.mkdirSync(path.join(school, 'minh-chung'), { recursive: true });
const other = path.join(root, 'truong-b');
fs.mkdirSync(other);

describe('assertOutsideInputs: no report inside a school folder being checked', () => {
  it('refuses the school folder itself, a file in it, and a folder below it', () => {
    for (const target of [school, path.join(school, 'bao-cao.json'), path.join(school, 'minh-chung', 'moi', 'r.md')]) {
      expect(() => assertOutsideInputs(target, [other, school]), target).toThrow(KnownError);
    }
  });

  it('accepts a report beside the schools, or in a folder whose name only starts like one', () => {
    expect(() => assertOutsideInputs(path.join(root, 'bao-cao.json'), [school, other])).not.toThrow();
    expect(() => assertOutsideInputs(path.join(root, 'truong-a-bao-cao', 'r.json'), [school])).not.toThrow();
  });

  it('follows a linked folder on the way to the report, and a link that is the report itself (it is written through)', () => {
    fs.symlinkSync(school, path.join(root, 'loi-tat'));
    expect(() => assertOutsideInputs(path.join(root, 'loi-tat', 'r.json'), [school])).toThrow(KnownError);
    fs.symlinkSync(path.join(school, 'truong.yaml'), path.join(root, 'r.md'));
    expect(() => assertOutsideInputs(path.join(root, 'r.md'), [school])).toThrow(KnownError);
    fs.symlinkSync(path.join(other, 'r.md'), path.join(root, 'r2.md'));
    expect(() => assertOutsideInputs(path.join(root, 'r2.md'), [school])).not.toThrow();
  });

  it('compares real paths where a folder has no identity to compare (here: not there yet)', () => {
    const missing = path.join(root, 'chua-co');
    expect(() => assertOutsideInputs(path.join(missing, 'r.json'), [missing])).toThrow(KnownError);
    expect(() => assertOutsideInputs(path.join(root, 'r.json'), [missing])).not.toThrow();
  });
});
