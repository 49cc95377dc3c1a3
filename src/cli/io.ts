/** The process as the CLI sees it; tests pass their own. */
export interface Stream {
  write(text: string): void;
  isTTY?: boolean;
  /** A terminal's width in columns (0 or absent when it does not say). */
  columns?: number;
}

export interface CliIo {
  stdout: Stream;
  stderr: Stream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true, columns: process.stdout.columns ?? 0 },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    env: process.env,
    cwd: process.cwd(),
  };
}

/**
 * Colour for one stream: --color/--no-color, then FORCE_COLOR, then NO_COLOR, then TERM=dumb, then TTY.
 * FORCE_COLOR 1/2/3/true/'' enables; any other value (e.g. 0) disables.
 */
export function useColor(flag: boolean | undefined, env: CliIo['env'], stream: Stream): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  if (env['NO_COLOR']) return false;
  if (env['TERM'] === 'dumb') return false;
  return stream.isTTY === true;
}

/** Columns to fold the terminal report to: the terminal's width, 80 when it does not say; none when not a terminal. */
export function terminalWidth(stream: Stream): number | undefined {
  if (stream.isTTY !== true) return undefined;
  return stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80;
}
