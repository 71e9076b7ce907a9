/**
 * Which client a request came from, for the per-IP send limit. Headers are trusted only
 * when told to (`trustProxy`): anyone can send an X-Forwarded-For.
 */

/** Socket addresses the node listener saw, by request (see `createNodeListener`). */
const socketAddresses = new WeakMap<Request, string>();

export function rememberSocketAddress(request: Request, address: string | undefined): void {
  if (address) socketAddresses.set(request, address);
}

export const socketAddressOf = (request: Request): string | undefined =>
  socketAddresses.get(request);

export interface ClientIpOptions {
  /**
   * How many proxies in front of the server append to X-Forwarded-For: the client is the
   * entry that many places from the right. `true` means one. Default: headers not trusted.
   */
  trustProxy?: boolean | number;
}

export type ClientIp = (request: Request) => string | undefined;

export function proxyHops(trustProxy: boolean | number | undefined): number {
  const hops = trustProxy === true ? 1 : Number(trustProxy || 0);
  if (!Number.isInteger(hops) || hops < 0) {
    throw new RangeError("trustProxy must be true, false or a whole number of proxies");
  }
  return hops;
}

/** The client's address from X-Forwarded-For behind `hops` proxies, else the socket's. */
export function clientAddress(
  forwardedFor: string | null,
  socketAddress: string | undefined,
  hops: number,
): string | undefined {
  if (hops > 0 && forwardedFor) {
    const entries = forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    const client = entries[entries.length - hops];
    if (client) return client;
  }
  return socketAddress;
}

export function clientIpFrom(options: ClientIpOptions = {}): ClientIp {
  const hops = proxyHops(options.trustProxy);
  return (request) =>
    clientAddress(request.headers.get("x-forwarded-for"), socketAddresses.get(request), hops);
}
