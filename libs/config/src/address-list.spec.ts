import { addressInList, parseAddressList } from './address-list.js';

describe('addressInList', () => {
  it.each<[string[], string | undefined, boolean]>([
    [['loopback'], '127.0.0.1', true],
    [['loopback'], '127.8.9.10', true],
    [['loopback'], '::1', true],
    [['loopback'], '::ffff:127.0.0.1', true],
    [['loopback'], '10.0.0.5', false],
    [['loopback'], '::2', false],
    [['10.0.0.0/8'], '10.1.2.3', true],
    [['10.0.0.0/8'], '::ffff:10.1.2.3', true],
    [['10.0.0.0/8'], '11.0.0.1', false],
    [['192.0.2.7'], '192.0.2.7', true],
    [['192.0.2.7'], '192.0.2.8', false],
    [['2001:db8::/32'], '2001:db8::1', true],
    [['2001:db8::/32'], '2001:db9::1', false],
    [['::ffff:0:0/96'], '192.0.2.1', true],
    [['loopback', '192.0.2.0/24'], '192.0.2.200', true],
    [['loopback'], undefined, false],
    [['loopback'], 'not an address', false],
  ])('in %j, %s: %s', (list, address, expected) => {
    expect(addressInList(address, parseAddressList(list))).toBe(expected);
  });

  it.each(['10.0.0.0/33', 'example.org', '300.1.1.1', 'local'])('should refuse %s, naming it', (entry) => {
    expect(() => parseAddressList([entry])).toThrow(entry);
  });
});
