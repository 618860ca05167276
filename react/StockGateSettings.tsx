export { SettingsPage as default } from './admin/settings/components/SettingsPage'
