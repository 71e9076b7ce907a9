import { describe, expect, it } from "vitest";
import { clientIpFrom, rememberSocketAddress } from "./client-ip";

function request(forwardedFor?: string, socket?: string) {
  const made = new Request("http://localhost/", {
    headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {},
  });
  rememberSocketAddress(made, socket);
  return made;
}

describe("clientIpFrom", () => {
  it("uses the socket address and ignores X-Forwarded-For by default", () => {
    const clientIp = clientIpFrom();
    expect(clientIp(request("203.0.113.9", "198.51.100.7"))).toBe("198.51.100.7");
  });

  it("knows no address for a request that did not come through the node listener", () => {
    expect(clientIpFrom()(request("203.0.113.9"))).toBeUndefined();
  });

  it("behind one trusted proxy, takes the address that proxy appended", () => {
    const clientIp = clientIpFrom({ trustProxy: true });
    // The client wrote the first entry itself; the proxy appended the last.
    expect(clientIp(request("6.6.6.6, 203.0.113.9", "10.0.0.2"))).toBe("203.0.113.9");
  });

  it("behind two proxies, takes the second entry from the right", () => {
    const clientIp = clientIpFrom({ trustProxy: 2 });
    expect(clientIp(request("6.6.6.6, 203.0.113.9, 10.0.0.5", "10.0.0.2"))).toBe("203.0.113.9");
  });

  it("falls back to the socket when the proxy header is missing", () => {
    expect(clientIpFrom({ trustProxy: 1 })(request(undefined, "10.0.0.2"))).toBe("10.0.0.2");
  });

  it.each([-1, 1.5])("rejects trustProxy %j", (trustProxy) => {
    expect(() => clientIpFrom({ trustProxy })).toThrow(RangeError);
  });
});
