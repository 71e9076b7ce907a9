export { type PhoneInputMessages, phoneInputMessages } from "./messages";
export { PhoneInput, type PhoneInputProps } from "./PhoneInput";
export { preloadPhoneMetadata } from "@otpkit/react";
