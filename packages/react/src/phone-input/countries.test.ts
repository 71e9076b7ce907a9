import { describe, expect, it } from "vitest";
import { countryList, flagOf, searchCountries } from "./countries";

const codes = (query: string, locale?: string, preferred?: string[]) =>
  searchCountries(query, locale, preferred).countries.map((c) => c.code);

describe("the country list", () => {
  it("names every country in the locale and sorts by that name", () => {
    const th = countryList("th");
    expect(th).toHaveLength(245);
    expect(th.find((c) => c.code === "TH")).toMatchObject({
      name: "ไทย",
      callingCode: "66",
      flag: "🇹🇭",
    });
    const en = countryList("en").map((c) => c.name);
    expect(en.indexOf("Thailand")).toBeLessThan(en.indexOf("United Kingdom"));
  });

  it("takes names that replace Intl's, sorted and searched by them, Intl's still found", () => {
    const names = { HK: "Hong Kong", TH: "Siam" };
    const list = countryList("en", names);
    expect(list.find((c) => c.code === "HK")?.name).toBe("Hong Kong");
    const order = list.map((c) => c.name);
    expect(order.indexOf("Siam")).toBe(order.indexOf("Seychelles") + 1);
    expect(order.indexOf("Siam")).toBe(order.indexOf("Sierra Leone") - 1);
    const found = (query: string) =>
      searchCountries(query, "en", [], names).countries.map((c) => c.code);
    expect(found("siam")).toEqual(["TH"]);
    expect(found("thailand")).toEqual(["TH"]);
    expect(countryList("en").find((c) => c.code === "TH")?.name).toBe("Thailand");
  });

  it("draws flags with regional indicator symbols", () => {
    expect(flagOf("id")).toBe("🇮🇩");
    expect([...flagOf("GB")].map((c) => c.codePointAt(0))).toEqual([0x1f1ec, 0x1f1e7]);
  });

  it("puts the preferred countries first, each once", () => {
    const { countries, preferredCount } = searchCountries("", "en", ["TH", "ID", "TH", "XX"]);
    expect(preferredCount).toBe(2);
    expect(countries.slice(0, 2).map((c) => c.code)).toEqual(["TH", "ID"]);
    expect(countries.filter((c) => c.code === "TH")).toHaveLength(1);
    expect(countries).toHaveLength(245);
  });
});

describe("searching countries", () => {
  it("finds by localized name and by English name", () => {
    expect(codes("ไทย", "th")[0]).toBe("TH");
    expect(codes("thai", "th")[0]).toBe("TH");
    expect(codes("泰国", "zh")[0]).toBe("TH");
    expect(codes("indo", "id")[0]).toBe("ID");
    expect(codes("Thailand", "zh")).toEqual(["TH"]);
  });

  it("ignores case and accents", () => {
    expect(codes("reunion")).toContain("RE");
    expect(codes("CÔTE")).toContain("CI");
  });

  it("finds by dial code, with or without +", () => {
    expect(codes("+66")[0]).toBe("TH");
    expect(codes("66")[0]).toBe("TH");
    expect(codes("+1")[0]).toBe("US");
    expect(codes("+1")).toContain("CA");
    expect(codes("+44")).toEqual(expect.arrayContaining(["GB", "GG", "IM", "JE"]));
  });

  it("finds by ISO code first", () => {
    expect(codes("TH")[0]).toBe("TH");
    expect(codes("id")[0]).toBe("ID");
    expect(codes("gb")[0]).toBe("GB");
  });

  it("ranks names that start with the query before names that contain it", () => {
    const found = codes("guinea");
    expect(found.slice(0, 2).sort()).toEqual(["GN", "GW"]); // Guinea, Guinea-Bissau
    expect(found).toEqual(expect.arrayContaining(["GQ", "PG"])); // Equatorial…, Papua New…
    expect(codes("united").slice(0, 3)).toEqual(expect.arrayContaining(["AE", "GB", "US"]));
  });

  it("puts preferred countries first among equal matches", () => {
    expect(codes("+44", "en", ["JE"]).slice(0, 2)).toEqual(["GB", "JE"]);
  });

  it("finds nothing for nonsense", () => {
    expect(codes("zzzz")).toEqual([]);
    expect(codes("+999")).toEqual([]);
  });
});
