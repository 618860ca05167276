export interface InventoryResponse {
  skuId: string
  balance: Array<{
    warehouseId: string
    warehouseName?: string | null
    totalQuantity: number
    reservedQuantity: number
    hasUnlimitedQuantity: boolean
  }>
}

export interface WarehouseResponse {
  id: string
  name?: string | null
  isActive?: boolean | null
  warehouseDocks?: Array<{ dockId: string }> | null
}

export interface DockResponse {
  id: string
  name?: string | null
  isActive?: boolean | null
  salesChannels?: string[] | null
  salesChannel?: string | null
}
