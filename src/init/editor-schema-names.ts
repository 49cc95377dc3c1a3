/** "truong.json" or "tt59-2012/tieu-chuan-2.json" (always with '/'): a school file's editor schema under schemas/editor/. */
export function editorSchemaName(packId: string | null, standard?: number): string {
  return packId === null ? 'truong.json' : `${packId}/tieu-chuan-${standard}.json`;
}
