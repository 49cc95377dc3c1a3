import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/paths.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams; cwd is the repository root unless given. */
export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string | undefined>; tty?: boolean; columns?: number } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (t) => void (stdout += t), isTTY: options.tty ?? false, ...(options.columns !== undefined ? { columns: options.columns } : {}) },
    stderr: { write: (t) => void (stderr += t), isTTY: options.tty ?? false },
    env: options.env ?? {},
    cwd: options.cwd ?? packageRoot,
  });
  return { code, stdout, stderr };
}
