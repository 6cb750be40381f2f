import { gunzipSync } from 'node:zlib';
import { STATUS_LIST_LENGTH, statusBitstring } from '#app/domain';
import { encodeStatusList } from './status-list-encoding.js';

describe('encodeStatusList', () => {
  it('should GZIP then base64url the bitstring behind the multibase prefix u', () => {
    const bits = statusBitstring(STATUS_LIST_LENGTH, [0, 94_567, 131_071]);
    const sut = encodeStatusList(bits);
    expect(sut).toMatch(/^u[A-Za-z0-9_-]+$/);
    expect(new Uint8Array(gunzipSync(Buffer.from(sut.slice(1), 'base64url')))).toEqual(bits);
  });

  it('should keep an empty 131,072-entry list short', () => {
    expect(encodeStatusList(statusBitstring(STATUS_LIST_LENGTH, [])).length).toBeLessThan(100);
  });
});
