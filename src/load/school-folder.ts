import type { Diagnostic } from '../types.js';
import type { FileSource } from './file-source.js';
import { explainMissingFiles } from './near-miss.js';
import { loadYamlFile } from './yaml-file-loader.js';
import type { YamlFile, YamlParser } from './yaml-file.js';

export const PROFILE_FILE = 'truong.yaml';
/** The standards of a folder whose pack is not known (no valid profile): the five of the 2012–2014 packs. */
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

/** Reads and parses truong.yaml. Never throws for bad input; never writes. */
export function loadProfile(files: FileSource, diagnostics: Diagnostic[], parser: YamlParser = 'fast'): YamlFile | null {
  return loadYamlFile(files, PROFILE_FILE, diagnostics, parser);
}

/** Reads and parses the standard files a pack declares (tieu-chuan-N.yaml for each N). */
export function loadStandards(files: FileSource, numbers: readonly number[], diagnostics: Diagnostic[], parser: YamlParser = 'fast'): (YamlFile | null)[] {
  return numbers.map((n) => loadYamlFile(files, standardFileName(n), diagnostics, parser));
}

/** Reads and parses the profile and the given standard files of a school folder. */
export function loadSchoolFolder(files: FileSource, parser: YamlParser = 'fast', numbers: readonly number[] = STANDARD_NUMBERS): SchoolDocuments {
  const diagnostics: Diagnostic[] = [];
  const profile = loadProfile(files, diagnostics, parser);
  const standards = loadStandards(files, numbers, diagnostics, parser);
  explainMissingFiles(files, [PROFILE_FILE, ...numbers.map(standardFileName)], diagnostics);
  return { dir: files.pathOf(''), files, profile, standards, diagnostics };
}
