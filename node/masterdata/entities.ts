/** Master Data v2 data entities of the app and the schema version the app writes. */
export const EXPOSURE_ENTITY = 'sgexposure'
export const AUDIT_ENTITY = 'sgaudit'
export const PRODUCT_ENTITY = 'sgproduct'
export const SCHEMA = 'v1'
