/** Catches the admin's CSV downloads: the files handed to the browser, and the link's click. */
export function spyDownloads() {
  const createObjectURL = jest.fn((_blob: Blob) => 'blob:csv')

  Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
  const click = jest
    .spyOn(HTMLAnchorElement.prototype, 'click')
    .mockImplementation(() => undefined)

  return { createObjectURL, click }
}

/** A downloaded file's text, without the BOM the admin writes for spreadsheets. */
export const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader()

    reader.onload = () => resolve(String(reader.result).replace(/^\ufeff/, ''))
    reader.readAsText(blob)
  })
