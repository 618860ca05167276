export { ReconciliationPage as default } from './admin/reconciliation/components/ReconciliationPage'
