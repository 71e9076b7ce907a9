/**
 * Which client a request came from, for the per-IP send limit. Headers are trusted only
 * when told to (`trustProxy`): anyone can send an X-Forwarded-For.
 */

/** Socket addresses the node listener saw, by request (see `createNodeListener`). */
const socketAddresses = new WeakMap<Request, string>();

export function rememberSocketAddress(request: Request, address: string | undefined): void {
  if (address) socketAddresses.set(request, address);
}

export interface ClientIpOptions {
  /**
   * How many proxies in front of the server append to X-Forwarded-For: the client is the
   * entry that many places from the right. `true` means one. Default: headers not trusted.
   */
  trustProxy?: boolean | number;
}

export type ClientIp = (request: Request) => string | undefined;

export function clientIpFrom(options: ClientIpOptions = {}): ClientIp {
  const hops = options.trustProxy === true ? 1 : Number(options.trustProxy || 0);
  if (!Number.isInteger(hops) || hops < 0) {
    throw new RangeError("trustProxy must be true, false or a whole number of proxies");
  }
  return (request) => {
    if (hops > 0) {
      const forwarded = (request.headers.get("x-forwarded-for") ?? "")
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean);
      const client = forwarded[forwarded.length - hops];
      if (client) return client;
    }
    return socketAddresses.get(request);
  };
}
