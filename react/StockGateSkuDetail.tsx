export { SkuDetailPage as default } from './admin/skuDetail/components/SkuDetailPage'
