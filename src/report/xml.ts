// XML 1.0 text for the JUnit report. Characters XML cannot carry at all (most C0 controls, lone
// surrogates, U+FFFE/U+FFFF) are replaced, since no escape can represent them.

// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, '\ufffd');
}

/** An attribute value (double-quoted): newlines and tabs kept as character references. */
export function xmlAttr(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Element text. */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A CDATA section; "]]>" inside the data is split across two sections so it cannot close the first. */
export function xmlCdata(text: string): string {
  return `<![CDATA[${xmlSafe(text).replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
}
