export function databaseFile(env?: Record<string, string | undefined>): string;
export function databaseUrl(env?: Record<string, string | undefined>): string;
