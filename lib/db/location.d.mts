export function databaseKind(env?: Record<string, string | undefined>): "sqlite" | "postgresql";
export function postgresUrl(env?: Record<string, string | undefined>): string;
export function databaseFile(env?: Record<string, string | undefined>): string;
export function databaseUrl(env?: Record<string, string | undefined>): string;
export function databaseLabel(env?: Record<string, string | undefined>): string;
export function databaseKey(env?: Record<string, string | undefined>): string;
