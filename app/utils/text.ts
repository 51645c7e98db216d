// Comparing what people type with what is stored: case and accents do not count. Client-safe.

/** Lower case, without accents (combining marks removed): "Électricité" → "electricite". */
export function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
