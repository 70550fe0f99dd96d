// ICU's Swedish conjunction list is exactly "A, B och C" (no serial comma);
// list.test.ts pins that down in case a future ICU release changes it.
const listFormat = new Intl.ListFormat("sv", { style: "long", type: "conjunction" });

/** "", "A", "A och B", "A, B och C". */
export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}
