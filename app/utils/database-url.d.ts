export declare const DEFAULT_DATABASE_URL: string;
export declare function resolveDatabaseUrl(): string;
export declare function databaseFilePath(url: string): string | null;
export declare function isPostgresUrl(url: string): boolean;
