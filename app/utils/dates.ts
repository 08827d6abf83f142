// Dates spelled out by hand: Node's ICU writes "7 Sept" where Chromium writes "7 Sep", and the
// difference breaks hydration of server-rendered pages.
const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "7 Sep 2026" (or "7 Sep") for a local YYYY-MM-DD date. */
export function shortDate(date: string, withYear = true): string {
  const [year, month, day] = date.split("-").map(Number);
  const text = `${day} ${months[month! - 1]}`;
  return withYear ? `${text} ${year}` : text;
}
