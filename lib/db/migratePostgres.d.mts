export const MIGRATION_LOCK_KEY: string;
export function readMigrations(directory: string): { name: string; sql: string; checksum: string }[];
export function migratePostgres(options: { connectionString: string; directory: string; log?: (line: string) => void }): Promise<string[]>;
