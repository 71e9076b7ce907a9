/**
 * @otpkit/providers: server-side OtpAdapters. They hold provider credentials, so this
 * package must never reach a browser bundle; its "browser" export condition fails the build.
 */
export * from "./console";
