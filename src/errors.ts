import type { Diagnostic, LocalText, SourceLocation } from './types.js';

/**
 * A user error: bad usage, a broken rule pack or config, an unwritable output.
 * The CLI prints its message (located when possible) and exits 2, without a stack trace.
 */
export class KnownError extends Error {
  readonly text: LocalText;
  readonly location: SourceLocation | null;
  /** Several located problems (e.g. every error of a broken rule pack). */
  readonly details: Diagnostic[];

  constructor(text: LocalText, location: SourceLocation | null = null, details: Diagnostic[] = []) {
    super(text.en);
    this.name = 'KnownError';
    this.text = text;
    this.location = location;
    this.details = details;
  }
}

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof KnownError;
}

/** A rule pack that cannot be loaded: it stops the run (exit 2) wherever it is found, never only one school. */
export class RulePackError extends KnownError {
  constructor(text: LocalText, location: SourceLocation | null = null, details: Diagnostic[] = []) {
    super(text, location, details);
    this.name = 'RulePackError';
  }
}

export function isRulePackError(error: unknown): error is RulePackError {
  return error instanceof RulePackError;
}
