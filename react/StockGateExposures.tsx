export { ExposuresPage as default } from './admin/exposures/components/ExposuresPage'
