import type { PhoneInputMessages } from "../messages";

/** PhoneInput in Thai: loaded on its own when a PhoneInput is given a `th` locale. */
export const th: PhoneInputMessages = {
  label: "เบอร์โทรศัพท์",
  country: "ประเทศ: {country} {code}",
  countryUnknown: "ประเทศ: ไม่รู้จักรหัสนี้",
  search: "ค้นหาประเทศ",
  searchPlaceholder: "ชื่อประเทศหรือรหัส",
  countries: "ประเทศ",
  suggested: "แนะนำ",
  allCountries: "ทุกประเทศ",
  results: { other: "พบ {count} ประเทศ" },
  noResults: "ไม่พบประเทศที่ค้นหา",
  tooShort: "เบอร์นี้สั้นเกินไป ลองตรวจดูว่าใส่ตัวเลขครบหรือยัง",
  tooLong: "เบอร์นี้ยาวเกินไป ลองตรวจดูว่ามีตัวเลขเกินมาหรือเปล่า",
  invalidCountry: "ไม่มีประเทศไหนใช้รหัสนี้ ลองตรวจตัวเลขหลังเครื่องหมาย +",
  invalid: "เบอร์นี้ใช้ไม่ได้ใน{country} ลองตรวจเบอร์หรือประเทศอีกครั้ง",
  notMobile: "เบอร์นี้ดูไม่ใช่เบอร์มือถือ เราส่งรหัสทาง SMS จึงควรใช้เบอร์มือถือ",
};
