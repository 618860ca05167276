/** CSV files the admin downloads: read by spreadsheets and scripts, so cells hold codes. */

// Quote when needed; a leading = + - @ is neutralised so spreadsheets do not run it as a formula.
export function cell(value: unknown) {
  const text = value == null ? '' : String(value)

  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text

  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Hands the file to the browser (with a BOM, so spreadsheets read it as UTF-8). */
export function download(csv: string, name: string) {
  const blob = new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')

  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
