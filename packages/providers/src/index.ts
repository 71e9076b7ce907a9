/**
 * @otpkit/providers: server-side OtpAdapters. They hold provider credentials, so this
 * package must never reach a browser bundle; its "browser" export condition fails the build.
 */
export * from "./ants";
export * from "./console";
export * from "./engagelab";
export * from "./verihubs";
