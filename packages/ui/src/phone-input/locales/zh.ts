import type { PhoneInputMessages } from "../messages";

/** PhoneInput in Chinese: loaded on its own when a PhoneInput is given a `zh` locale. */
export const zh: PhoneInputMessages = {
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
};
