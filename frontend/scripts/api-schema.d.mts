export declare const HEADER: string;
export declare const OPENAPI_PATH: string;
export declare const SCHEMA_PATH: string;
export declare function generateSchema(openapiJson: string): Promise<string>;
export declare function generateSchemaFromFile(): Promise<string>;
