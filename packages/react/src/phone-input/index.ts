export {
  type CountryNames,
  countryList,
  countryName,
  flagOf,
  type PhoneCountry,
  searchCountries,
} from "./countries";
export { preloadPhoneMetadata } from "./metadata";
export {
  type CountryCode,
  callingCodeOf,
  defaultCountryFor,
  describe as describePhoneNumber,
  formatPhoneText,
  isPhoneCountry,
  type PhoneDetails,
  type PhoneProblem,
  type PhoneText,
} from "./phone-number";
export {
  type CountryPicker,
  type UseCountryPickerOptions,
  useCountryPicker,
} from "./use-country-picker";
export { type PhoneInput, type UsePhoneInputOptions, usePhoneInput } from "./use-phone-input";
