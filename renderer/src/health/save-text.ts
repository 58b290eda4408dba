// Saves text the page holds as a file the usual way: a Blob and a download link. No navigation
// (the window refuses those) and no new window; the CSP does not govern a download. In the
// preview it lands in the browser's downloads; in Electron, which sets no save path, Chromium's
// own "Save as" dialog asks where. Strings are written as UTF-8, so main's BOM stays first.
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handed to the download, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
