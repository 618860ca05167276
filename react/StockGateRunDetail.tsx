export { RunDetailPage as default } from './admin/runDetail/components/RunDetailPage'
