// Escaping for the XML-family formats (HTML, SVG, JUnit): every piece of user data goes through here.

// Characters XML 1.0 forbids even when escaped (C0 controls other than tab, LF, CR; lone
// surrogates; U+FFFE/U+FFFF): dropped so that a stray byte in a template cannot break the file.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe for element content and for double- or single-quoted attribute values. */
export function escapeXml(value: unknown): string {
  return String(value ?? '')
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
