/**
 * Master Data v2 data entities of the app and the schema version the app writes. The projection
 * is one document per SKU (`sgsku`, projection/skuDoc.ts); `sgexposure`, its former one row per
 * SKU and channel, is no longer read or written (a new name, so its documents never mix in).
 * `sgproduct` is one document per product (projection/productRows.ts); its former documents, one
 * per product and channel (ids `{productId}-{channel}`), have none of the slot fields its reads
 * name, so they never match.
 */
export const SKU_ENTITY = 'sgsku'
export const AUDIT_ENTITY = 'sgaudit'
export const PRODUCT_ENTITY = 'sgproduct'
export const SCHEMA = 'v1'
