import { useContext } from 'react'
import { ToastContext } from 'vtex.styleguide'

interface ToastApi {
  showToast: (
    toast:
      | string
      | {
          message: string
          duration?: number
          action?: { label: string; onClick: () => void }
        }
  ) => void
}

/** styleguide's toast, from the ToastProvider that AdminPage puts around every page. */
export function useToast(): ToastApi['showToast'] {
  const context = useContext(ToastContext) as ToastApi | undefined

  return context?.showToast ?? (() => undefined)
}
