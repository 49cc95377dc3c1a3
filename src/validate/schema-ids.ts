// The schemas' $ids, apart from the registry so that code that runs in a browser page can name them.
export const SCHEMA_BASE = 'https://chuan.schemas.local/';
export const profileSchemaId = `${SCHEMA_BASE}truong.schema.json`;
export const standardSchemaId = (packId: string, n: number): string => `${SCHEMA_BASE}${packId}/tieu-chuan-${n}.schema.json`;
