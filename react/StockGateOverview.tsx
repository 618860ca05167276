export { OverviewPage as default } from './admin/overview/components/OverviewPage'
