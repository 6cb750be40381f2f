import ipaddr from 'ipaddr.js';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `loopback` stands for both loopback ranges, as in Express's `trust proxy`. */
const NAMED: Record<string, string[]> = { loopback: ['127.0.0.0/8', '::1/128'] };

function parseEntry(entry: string): Range {
  if (entry.includes('/')) return ipaddr.parseCIDR(entry);
  const address = ipaddr.parse(entry);
  return [address, address.kind() === 'ipv4' ? 32 : 128];
}

/**
 * Parses a list of addresses, CIDR ranges and `loopback`; throws on the first entry that is none of
 * these, naming it.
 */
export function parseAddressList(entries: string[]): Range[] {
  return entries
    .flatMap((e) => NAMED[e] ?? [e])
    .map((entry) => {
      try {
        return parseEntry(entry);
      } catch {
        throw new Error(`"${entry}" is not an address, a CIDR range or "loopback"`);
      }
    });
}

/** Whether `address` (a socket's remote address, IPv4-mapped IPv6 included) is in one of `ranges`. */
export function addressInList(address: string | undefined, ranges: Range[]): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  // ::ffff:127.0.0.1 (an IPv4 client on a dual-stack socket) is compared as 127.0.0.1.
  const parsed = ipaddr.process(address);
  const v6 = parsed instanceof ipaddr.IPv4 ? parsed.toIPv4MappedAddress() : parsed;
  return ranges.some(([range, bits]) =>
    range instanceof ipaddr.IPv4
      ? parsed instanceof ipaddr.IPv4 && parsed.match(range, bits)
      : v6.match(range, bits),
  );
}
