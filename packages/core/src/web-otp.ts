/**
 * The last line of an SMS that WebOTP (Chrome on Android) and Safari's one-time-code autofill
 * bind to a site: `@example.com #123456`
 * (https://wicg.github.io/sms-one-time-codes/). Put it alone on the message's last line:
 *
 *   `Your code is 123456.\n\n${webOtpLine("https://example.com", "123456")}`
 *
 * `origin` is the site's origin or bare host ("https://example.com", "example.com"); the line
 * carries its host only, in ASCII (an IDN becomes punycode). The format has no room for a
 * port, a scheme other than https (http for localhost) or an IPv6 address: those throw, as
 * does a code with a space or `#`, so a message the browser would ignore is never sent.
 * For a page embedded in an iframe, pass the embedded origin: the top-level origin comes first.
 */
export function webOtpLine(origin: string, code: string, embeddedOrigin?: string): string {
  if (!/^[^\s#]+$/.test(code))
    throw new RangeError("webOtpLine: the code must not be empty or hold spaces or #");
  const line = `@${webOtpHost(origin)} #${code}`;
  return embeddedOrigin ? `${line} @${webOtpHost(embeddedOrigin)}` : line;
}

function webOtpHost(origin: string): string {
  let url: URL | undefined;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(origin) ? origin : `https://${origin}`);
  } catch {}
  const host = url?.hostname ?? "";
  const secure = url?.protocol === "https:" || (url?.protocol === "http:" && host === "localhost");
  if (
    !url ||
    !secure ||
    url.port ||
    url.username ||
    url.password ||
    !/^[a-z\d.-]+$/.test(host) ||
    (!host.includes(".") && host !== "localhost")
  ) {
    throw new RangeError(`webOtpLine: "${origin}" is not an https origin with a domain name`);
  }
  return host;
}
