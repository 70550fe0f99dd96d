/*
 * Which client a sign-in attempt comes from, for the per-client throttle. X-Forwarded-For is written by whoever
 * sends the request, so its entries are believed only as far as a proxy the operator trusts wrote them:
 * TRUSTED_PROXY_HOPS says how many proxies stand in front of the app (0, the default, means none: the client is the
 * socket's peer). With n trusted proxies the client is the address the outermost one saw, which is the n-th entry
 * from the right of [...X-Forwarded-For, socket address].
 *
 * The socket address comes from server.mjs (the production server), which writes it into SOCKET_ADDRESS_HEADER and
 * overwrites whatever a client sent there. Without that server (`next dev`, a bare `next start`) it is unknown, and
 * with no trusted proxy the throttle then keys on the email address alone.
 */

export const SOCKET_ADDRESS_HEADER = "x-anslag-socket-address";
/** Set by server.mjs in its own process, so the header is believed only when that server wrote it. */
export const SOCKET_ADDRESS_ENV = "ANSLAG_SOCKET_ADDRESS_HEADER";

export function trustedProxyHops(value: string | undefined = process.env.TRUSTED_PROXY_HOPS): number {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS ska vara ett heltal från 0 till 10, inte "${value}".`);
  }
  return hops;
}

export function clientAddressFrom(input: {
  forwardedFor: string | null | undefined;
  socketAddress: string | null | undefined;
  trustedHops: number;
}): string | null {
  const socket = input.socketAddress?.trim() || null;
  if (input.trustedHops === 0) return socket ? normaliseAddress(socket) : null;
  const forwarded = (input.forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Without the socket the chain ends at the nearest proxy's entry; the socket would come after it.
  const chain = socket ? [...forwarded, socket] : [...forwarded, null];
  const index = chain.length - 1 - input.trustedHops;
  // Fewer entries than trusted proxies: the request did not come through them all, so the first one is the client.
  const address = chain[Math.max(index, 0)] ?? null;
  return address ? normaliseAddress(address) : null;
}

/** The request's client address as the throttle should key it. */
export function clientAddressOf(headers: Headers | undefined | null): string | null {
  if (!headers) return null;
  const socketAddress = process.env[SOCKET_ADDRESS_ENV] === "1" ? headers.get(SOCKET_ADDRESS_HEADER) : null;
  return clientAddressFrom({ forwardedFor: headers.get("x-forwarded-for"), socketAddress, trustedHops: trustedProxyHops() });
}

// "::ffff:192.0.2.1" and "192.0.2.1" are one client.
function normaliseAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}
