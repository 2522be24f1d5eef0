/** Upper-cases the first letter only: "del 24 al 26" -> "Del 24 al 26". */
export function capitalizeFirst(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}
