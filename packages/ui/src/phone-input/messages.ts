import type { Catalogue, PluralMessage } from "../i18n";

/**
 * Every string PhoneInput shows or gives to assistive technology. `{country}` is a country's
 * name from Intl.DisplayNames, `{code}` a dial code ("+66"), `{count}` a number (Intl).
 */
export interface PhoneInputMessages {
  /** Name of the number field when nothing else labels it (no `id`, `aria-label(ledby)`). */
  label: string;
  /** The country button: `{country}`, `{code}`. */
  country: string;
  /** The country button when the number's code belongs to no country ("+999…"). */
  countryUnknown: string;
  /** The search field of the country list. */
  search: string;
  searchPlaceholder: string;
  /** The list of countries. */
  countries: string;
  /** The group of preferred countries at the top of the list. */
  suggested: string;
  allCountries: string;
  /** How many countries match the search (announced politely). */
  results: PluralMessage;
  noResults: string;
  tooShort: string;
  tooLong: string;
  invalidCountry: string;
  /** `{country}`: the number's country. */
  invalid: string;
  /** A valid number that cannot receive SMS (a landline), shown before a code is sent. */
  notMobile: string;
}

export const phoneInputMessages: Catalogue<PhoneInputMessages> = {
  en: {
    label: "Phone number",
    country: "Country: {country} {code}",
    countryUnknown: "Country: unknown code",
    search: "Search for a country",
    searchPlaceholder: "Country or code",
    countries: "Countries",
    suggested: "Suggested",
    allCountries: "All countries",
    results: { one: "{count} country", other: "{count} countries" },
    noResults: "No country found",
    tooShort: "This number looks too short – check for missing digits.",
    tooLong: "This number looks too long – check for extra digits.",
    invalidCountry: "No country uses this code – check the digits after the +.",
    invalid: "This isn’t a valid number in {country} – check the number or the country.",
    notMobile:
      "This doesn’t look like a mobile number – we send the code by text, so use a mobile.",
  },
  th: {
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
  },
  id: {
    label: "Nomor telepon",
    country: "Negara: {country} {code}",
    countryUnknown: "Negara: kode tidak dikenal",
    search: "Cari negara",
    searchPlaceholder: "Nama negara atau kode",
    countries: "Negara",
    suggested: "Disarankan",
    allCountries: "Semua negara",
    results: { other: "{count} negara" },
    noResults: "Negara tidak ditemukan",
    tooShort: "Nomor ini terlalu pendek – cek apakah ada angka yang kurang.",
    tooLong: "Nomor ini terlalu panjang – cek apakah ada angka yang berlebih.",
    invalidCountry: "Tidak ada negara dengan kode ini – cek angka setelah tanda +.",
    invalid: "Nomor ini tidak berlaku di {country} – cek lagi nomor atau negaranya.",
    notMobile: "Sepertinya ini bukan nomor HP – kode dikirim lewat SMS, jadi gunakan nomor HP.",
  },
  zh: {
    label: "手机号码",
    country: "国家/地区：{country} {code}",
    countryUnknown: "国家/地区：未知区号",
    search: "搜索国家/地区",
    searchPlaceholder: "名称或区号",
    countries: "国家/地区",
    suggested: "推荐",
    allCountries: "全部国家/地区",
    results: { other: "找到 {count} 个国家/地区" },
    noResults: "没有找到该国家/地区",
    tooShort: "号码位数不够，请检查是否漏输了数字。",
    tooLong: "号码位数太多，请检查是否多输了数字。",
    invalidCountry: "没有国家/地区使用这个区号，请检查 + 后面的数字。",
    invalid: "这不是有效的{country}号码，请检查号码或所选的国家/地区。",
    notMobile: "这似乎不是手机号码。验证码通过短信发送，请使用手机号码。",
  },
};
