import type { Diagnostic } from '../types.js';
import type { FileSource } from './file-source.js';
import { loadYamlFile } from './yaml-file-loader.js';
import type { YamlFile, YamlParser } from './yaml-file.js';

export const PROFILE_FILE = 'truong.yaml';
export const STANDARD_NUMBERS = [1, 2, 3, 4, 5] as const;
export const standardFileName = (n: number): string => `tieu-chuan-${n}.yaml`;

export interface SchoolDocuments {
  /** The folder, as results name it. */
  dir: string;
  /** Where the folder's files are read (and evidence paths looked up). */
  files: FileSource;
  profile: YamlFile | null;
  /** Index 0 holds tieu-chuan-1.yaml; null where the file is missing or unreadable. */
  standards: (YamlFile | null)[];
  diagnostics: Diagnostic[];
}

/** Reads and parses the six files of a school folder. Never throws for bad input; never writes. */
export function loadSchoolFolder(files: FileSource, parser: YamlParser = 'fast'): SchoolDocuments {
  const diagnostics: Diagnostic[] = [];
  const profile = loadYamlFile(files, PROFILE_FILE, diagnostics, parser);
  const standards = STANDARD_NUMBERS.map((n) => loadYamlFile(files, standardFileName(n), diagnostics, parser));
  return { dir: files.pathOf(''), files, profile, standards, diagnostics };
}
