/** GET /api/fulfillment/pvt/affiliates */
export interface AffiliateResponse {
  id: string
  name?: string | null
  salesChannel: string | number
  searchURIEndpoint?: string | null
  searchURIEndPoint?: string | null
}
