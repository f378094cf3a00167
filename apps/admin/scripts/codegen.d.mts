// Types of ./codegen.mjs for the tests that drive it.
export declare const ADMIN: string;
export declare const SCHEMA_FILE: string;
export declare const OUT_DIR: string;
export declare function documentFiles(dir?: string): string[];
/** generated files (path relative to apps/admin → text); rejects when a document does not validate against the schema */
export declare function generate(options?: { schema?: string; files?: string[] }): Promise<Map<string, string>>;
export declare function writeGenerated(): Promise<{ files: number; written: number }>;
