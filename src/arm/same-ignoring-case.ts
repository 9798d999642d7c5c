// Case-insensitive name comparison as ARM does it (String.prototype.toLowerCase on both sides),
// without building lower-cased copies: names are compared on every member access of every value.

/** `a.toLowerCase() === b.toLowerCase()`, comparing ASCII in place. */
export function sameIgnoringCase(a: string, b: string): boolean {
  // Only İ lower-cases to a different length (two characters).
  if (a.length !== b.length) return (a.includes('\u0130') || b.includes('\u0130')) && a.toLowerCase() === b.toLowerCase();
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    const d = b.charCodeAt(i);
    if (c === d) continue;
    // Beyond ASCII, only String.prototype.toLowerCase knows the mapping (K, the Kelvin sign, is k).
    if (c >= 128 || d >= 128) return a.toLowerCase() === b.toLowerCase();
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== (d >= 65 && d <= 90 ? d + 32 : d)) return false;
  }
  return true;
}
