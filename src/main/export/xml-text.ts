/**
 * Text for the XML parts the export writes itself (the app properties): escaped, and
 * without the characters XML 1.0 forbids — the same ones exceljs drops from the parts it writes,
 * so a string reads back the same whichever part it went through.
 */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}
