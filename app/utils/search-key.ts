// Folding a name for search: lower case, accents dropped, so "tomaz" finds "Tomaž Horvat" and
// "soren" finds "Søren". Stored on the person (User.searchKey) because neither SQLite nor a
// default PostgreSQL can ignore accents in a query; kept in step wherever a name is written.

// Letters that carry no combining mark to drop: they are letters of their own.
const ownLetters: Record<string, string> = {
  ø: "o",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ł: "l",
  ß: "ss",
  ı: "i",
};

export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[øæœđłßı]/g, (letter) => ownLetters[letter]!)
    .replace(/\s+/g, " ")
    .trim();
}

/** What a person's row stores to be found by name. */
export const searchKeyOf = (name: string) => foldForSearch(name);
