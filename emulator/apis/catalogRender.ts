import type { State } from '../world/state'
import type { Product, Sku } from '../world/types'

/** Renders stored catalog entities in VTEX's PascalCase response shapes. */

const RELEASE = '2024-01-15T00:00:00'
const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '')

export function productOut(p: Product) {
  return {
    ...p.extra,
    Id: p.Id,
    Name: p.Name,
    DepartmentId: p.DepartmentId,
    CategoryId: p.CategoryId,
    BrandId: p.BrandId,
    LinkId: (p.extra?.LinkId as string | undefined) ?? slug(p.Name),
    RefId: p.RefId,
    IsVisible: p.IsVisible,
    Description: p.Description,
    DescriptionShort: (p.extra?.DescriptionShort as string | undefined) ?? '',
    ReleaseDate: (p.extra?.ReleaseDate as string | undefined) ?? RELEASE,
    KeyWords: (p.extra?.KeyWords as string | undefined) ?? '',
    Title: (p.extra?.Title as string | undefined) ?? p.Name,
    IsActive: p.IsActive,
    TaxCode: (p.extra?.TaxCode as string | undefined) ?? '',
    MetaTagDescription:
      (p.extra?.MetaTagDescription as string | undefined) ?? '',
    SupplierId: (p.extra?.SupplierId as number | null | undefined) ?? null,
    ShowWithoutStock:
      (p.extra?.ShowWithoutStock as boolean | undefined) ?? true,
    AdWordsRemarketingCode:
      (p.extra?.AdWordsRemarketingCode as string | undefined) ?? '',
    LomadeeCampaignCode:
      (p.extra?.LomadeeCampaignCode as string | undefined) ?? '',
    Score: (p.extra?.Score as number | undefined) ?? 0,
  }
}

function num(sku: Sku, name: string, fallback: number): number {
  const value = sku.extra?.[name]

  return typeof value === 'number' ? value : fallback
}

export function skuOut(s: Sku) {
  return {
    ...s.extra,
    Id: s.Id,
    ProductId: s.ProductId,
    IsActive: s.IsActive,
    ActivateIfPossible:
      (s.extra?.ActivateIfPossible as boolean | undefined) ?? true,
    Name: s.Name,
    RefId: s.RefId,
    PackagedHeight: num(s, 'PackagedHeight', 10),
    PackagedLength: num(s, 'PackagedLength', 10),
    PackagedWidth: num(s, 'PackagedWidth', 10),
    PackagedWeightKg: num(s, 'PackagedWeightKg', 1),
    Height: num(s, 'Height', 10),
    Length: num(s, 'Length', 10),
    Width: num(s, 'Width', 10),
    WeightKg: num(s, 'WeightKg', 1),
    CubicWeight: num(s, 'CubicWeight', 0.1667),
    IsKit: false,
    CreationDate: (s.extra?.CreationDate as string | undefined) ?? RELEASE,
    RewardValue: num(s, 'RewardValue', 0),
    EstimatedDateArrival: null,
    ManufacturerCode: (s.extra?.ManufacturerCode as string | undefined) ?? '',
    CommercialConditionId: num(s, 'CommercialConditionId', 1),
    MeasurementUnit: (s.extra?.MeasurementUnit as string | undefined) ?? 'un',
    UnitMultiplier: num(s, 'UnitMultiplier', 1),
    ModalType: null,
    KitItensSellApart: false,
    Videos: [],
  }
}

/** The `stockkeepingunitByProductId` row shape. */
export function skuRowOut(s: Sku) {
  const out = skuOut(s)

  return {
    IsPersisted: true,
    IsRemoved: false,
    Id: out.Id,
    ProductId: out.ProductId,
    IsActive: out.IsActive,
    Name: out.Name,
    Height: out.Height,
    RealHeight: null,
    Width: out.Width,
    RealWidth: null,
    Length: out.Length,
    RealLength: null,
    WeightKg: out.WeightKg,
    RealWeightKg: null,
    ModalId: 1,
    RefId: out.RefId,
    CubicWeight: out.CubicWeight,
    IsKit: false,
    IsDynamicKit: null,
    InternalNote: null,
    DateUpdated: out.CreationDate,
    RewardValue: out.RewardValue,
    CommercialConditionId: out.CommercialConditionId,
    EstimatedDateArrival: null,
    FlagKitItensSellApart: false,
    ManufacturerCode: out.ManufacturerCode,
    ReferenceStockKeepingUnitId: null,
    Position: 0,
    ActivateIfPossible: out.ActivateIfPossible,
    MeasurementUnit: out.MeasurementUnit,
    UnitMultiplier: out.UnitMultiplier,
    IsInventoried: null,
    IsTransported: null,
    IsGiftCardRecharge: null,
    ModalType: null,
  }
}

/** GET stockkeepingunitbyid: the SKU with its product, sellers and trade policies. */
export function skuContextOut(state: State, s: Sku) {
  const p = state.products.get(s.ProductId)
  const productName = p?.Name ?? ''
  const category = String(p?.CategoryId ?? 1)
  const department = String(p?.DepartmentId ?? 1)
  const refId = s.RefId

  return {
    Id: s.Id,
    ProductId: s.ProductId,
    NameComplete: `${productName} ${s.Name}`.trim(),
    ComplementName: '',
    ProductName: productName,
    ProductDescription: p?.Description ?? '',
    ProductRefId: p?.RefId ?? '',
    TaxCode: '',
    SkuName: s.Name,
    IsActive: s.IsActive,
    IsTransported: true,
    IsInventoried: true,
    IsGiftCardRecharge: false,
    ImageUrl: `https://${state.account}.vteximg.com.br/arquivos/ids/${s.Id}-55-55/sku.jpg`,
    DetailUrl: `/${slug(productName)}/p`,
    CSCIdentification: null,
    BrandId: String(p?.BrandId ?? 1),
    BrandName: `Brand ${p?.BrandId ?? 1}`,
    IsBrandActive: true,
    Dimension: {
      cubicweight: 0.1667,
      height: 10,
      length: 10,
      weight: 1000,
      width: 10,
    },
    RealDimension: {
      realCubicWeight: 0,
      realHeight: 0,
      realLength: 0,
      realWeight: 0,
      realWidth: 0,
    },
    ManufacturerCode: '',
    IsKit: false,
    KitItems: [],
    Services: [],
    Categories: [],
    CategoriesFullPath: [`/${p?.DepartmentId ?? 1}/${category}/`],
    Attachments: [],
    Collections: [],
    SkuSellers: (state.bindings.get(s.Id) ?? []).map((b) => ({
      SellerId: b.SellerId,
      StockKeepingUnitId: b.StockKeepingUnitId,
      SellerStockKeepingUnitId: b.SellerStockKeepingUnitId,
      IsActive: b.IsActive,
      FreightCommissionPercentage: b.FreightCommissionPercentage,
      ProductCommissionPercentage: b.ProductCommissionPercentage,
    })),
    SalesChannels: [...state.policiesOf(s.ProductId)],
    Images: [],
    Videos: [],
    SkuSpecifications: [],
    ProductSpecifications: [],
    ProductClustersIds: '',
    PositionsInClusters: {},
    ProductClusterNames: {},
    ProductClusterHighlights: {},
    ProductCategoryIds: `/${p?.DepartmentId ?? 1}/${category}/`,
    IsDirectCategoryActive: true,
    ProductGlobalCategoryId: null,
    // As VTEX answers it: every category of the path, the department included.
    ProductCategories: {
      [department]: `Department ${department}`,
      [category]: `Category ${category}`,
    },
    CommercialConditionId: 1,
    RewardValue: 0,
    AlternateIds: { RefId: refId },
    AlternateIdValues: [refId],
    EstimatedDateArrival: null,
    MeasurementUnit: 'un',
    UnitMultiplier: 1,
    InformationSource: null,
    ModalType: null,
    KeyWords: '',
    ReleaseDate: RELEASE,
    ProductIsVisible: p?.IsVisible ?? true,
    ShowIfNotAvailable: true,
    IsProductActive: p?.IsActive ?? false,
    ProductFinalScore: 0,
  }
}
