import type { SchoolResult } from '../../types.js';
import type { FormatContext } from '../context.js';
import { docxFormatter } from './docx.js';
import { githubFormatter } from './github.js';
import { jsonFormatter } from './json.js';
import { junitFormatter } from './junit.js';
import { markdownFormatter } from './markdown.js';
import { sarifFormatter } from './sarif.js';
import { stylishFormatter } from './stylish.js';

/** A formatter is a pure function of the results; the CLI decides where its text goes. */
export type Formatter = (results: SchoolResult[], ctx: FormatContext) => string;

export const formatters: Record<string, Formatter> = {
  stylish: stylishFormatter,
  markdown: markdownFormatter,
  json: jsonFormatter,
  junit: junitFormatter,
  sarif: sarifFormatter,
  github: githubFormatter,
};

/** A format whose report is bytes (a Word file): it goes to a file, never to a terminal. */
export type BinaryFormatter = (results: SchoolResult[], ctx: FormatContext) => Promise<Uint8Array>;

export const binaryFormatters: Record<string, BinaryFormatter> = {
  docx: docxFormatter,
};

export const FORMAT_NAMES = [...Object.keys(formatters), ...Object.keys(binaryFormatters)];
