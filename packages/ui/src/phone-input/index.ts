export { preloadPhoneMetadata } from "@otpkit/react";
export { type PhoneInputMessages, phoneInputMessages } from "./messages";
export { PhoneInput, type PhoneInputProps } from "./PhoneInput";
