// Internal errors (bugs, not bad input): one short line and exit 2; --debug adds the stack. Forced by
// monkeypatching the formatter registry (a plain object the CLI looks formats up in) and, for one school
// of a batch, a schema registry that fails for that school's circular only.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSchools, prepareCheckOptions } from '../../src/batch/index.js';
import { formatters } from '../../src/report/formatters/index.js';
import { SchemaRegistry } from '../../src/validate/schemas.js';
import { run } from '../cli/run-main.js';
import { AS_OF, examplesDir, STACK_LINE } from './fixtures.js';

const original = formatters['json']!;
afterEach(() => {
  formatters['json'] = original;
});

function breakJsonFormatter(): void {
  formatters['json'] = () => {
    const missing = undefined as unknown as { field: string };
    return missing.field; // TypeError, as a real bug would throw
  };
}

describe('an internal error', () => {
  it('prints one short Vietnamese line without a stack and exits 2', async () => {
    breakJsonFormatter();
    const result = await run(['check', 'examples/mn-hoa-sen', '--format', 'json', '--as-of', AS_OF, '--jobs', '1']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^chuan: lỗi nội bộ: .*undefined.* \(chạy lại với --debug để xem chi tiết\)$/);
    expect(lines[0]!.length).toBeLessThan(200);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('in English with --lang en', async () => {
    breakJsonFormatter();
    const result = await run(['check', 'examples/mn-hoa-sen', '--format', 'json', '--lang', 'en', '--as-of', AS_OF, '--jobs', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chuan: internal error: .* \(run again with --debug for details\)\n$/);
  });

  it.each([
    ['after the command', ['check', 'examples/mn-hoa-sen', '--format', 'json', '--debug']],
    ['before the command', ['--debug', 'check', 'examples/mn-hoa-sen', '--format', 'json']],
  ])('--debug %s shows the stack', async (_where, argv) => {
    breakJsonFormatter();
    const result = await run([...argv, '--as-of', AS_OF, '--jobs', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^chuan: lỗi nội bộ: /);
    expect(result.stderr).toMatch(STACK_LINE);
    expect(result.stderr).toContain('TypeError');
  });

  it('a user error is not an internal error: a clean message, no stack', async () => {
    const result = await run(['check', 'khong-co-thu-muc-nay', '--as-of', AS_OF]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('không tìm thấy đường dẫn khong-co-thu-muc-nay');
    expect(result.stderr).not.toContain('lỗi nội bộ');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('inside one school of a batch: that school is invalid with a short message, the others are still checked', async () => {
    const shared = SchemaRegistry.shared();
    // Fails for the preschool circular's standards only: mn-hoa-sen breaks, thcs-nguyen-du does not.
    const registry = new Proxy(shared, {
      get(target, key, receiver) {
        if (key === 'validator') {
          return (id: string) => {
            if (id.includes('/tt02-2014/')) throw new RangeError('hỏng giả lập');
            return target.validator(id);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const prepared = { ...prepareCheckOptions({ asOf: AS_OF, configFile: null }), registry };
    const dirs = ['mn-hoa-sen', 'thcs-nguyen-du'].map((n) => path.join(examplesDir, n));
    const results = await checkSchools(dirs, { asOf: AS_OF, configFile: null, jobs: 1, prepared });
    expect(results.map((r) => r.outcome)).toEqual(['invalid', 'reached']);
    expect(results[0]!.diagnostics).toHaveLength(1);
    expect(results[0]!.diagnostics[0]).toMatchObject({ code: 'internal/error', location: null });
    expect(results[0]!.diagnostics[0]!.message.vi).toContain('hỏng giả lập');
    expect(results[0]!.diagnostics[0]!.message.vi).not.toMatch(STACK_LINE);
  });
});
