// The "browser" export of @otpkit/providers. These adapters hold provider credentials, so a
// browser bundle that imports them is a bug: the import below cannot resolve, which stops
// the build and names the problem in the bundler's error message.
import "@otpkit/providers is server-only: it holds provider credentials. Import it in server code; browser code talks to your server with createHttpAdapter from @otpkit/core.";

throw new Error(
  "@otpkit/providers is server-only: it holds provider credentials. Import it in server code; browser code talks to your server with createHttpAdapter from @otpkit/core.",
);
