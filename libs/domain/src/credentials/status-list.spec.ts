import { allocateStatusIndices } from './allocate-status-indices.js';
import { buildAchievementCredential } from './build-achievement-credential.js';
import { buildStatusListCredential } from './build-status-list-credential.js';
import { isStatusBitSet } from './is-status-bit-set.js';
import { setStatusBit } from './set-status-bit.js';
import { statusBitstring } from './status-bitstring.js';
import { STATUS_LIST_LENGTH } from './status-list.types.js';

/** A repeatable "random" source: the numbers given, in turn, then 0. */
const sequence = (...values: number[]) => {
  let i = 0;
  return (size: number) => (values[i++] ?? 0) % size;
};

describe('statusBitstring', () => {
  it('should be 16 KB for the smallest list the spec allows', () => {
    expect(statusBitstring(STATUS_LIST_LENGTH, [])).toHaveLength(16_384);
  });

  it.each([
    [0, 0, 0x80],
    [7, 0, 0x01],
    [8, 1, 0x80],
    [131_071, 16_383, 0x01],
  ])('should set entry %i as byte %i = %i (left-most bit first)', (index, byte, value) => {
    const sut = statusBitstring(STATUS_LIST_LENGTH, [index]);
    expect(sut[byte]).toBe(value);
    expect(isStatusBitSet(sut, index)).toBe(true);
    expect(sut.reduce((n, b) => n + (b === 0 ? 0 : 1), 0)).toBe(1);
  });

  it.each([-1, 131_072, 1.5])('should refuse index %p', (index) => {
    expect(() => statusBitstring(STATUS_LIST_LENGTH, [index])).toThrow(RangeError);
    expect(() => isStatusBitSet(new Uint8Array(16_384), index)).toThrow(RangeError);
  });
});

describe('setStatusBit', () => {
  it('should set one entry in a copy and refuse an index outside the list', () => {
    const before = statusBitstring(16, [1]);
    const sut = setStatusBit(before, 9);
    expect([...sut]).toEqual([0x40, 0x40]);
    expect([...before]).toEqual([0x40, 0x00]);
    expect(() => setStatusBit(before, 16)).toThrow(RangeError);
  });
});

describe('allocateStatusIndices', () => {
  it('should take random free entries and mark them, leaving the input as it was', () => {
    const before = new Uint8Array(16);
    const sut = allocateStatusIndices(before, 2, sequence(5, 77));
    expect(sut.indices).toEqual([5, 77]);
    expect(isStatusBitSet(sut.allocated, 5) && isStatusBitSet(sut.allocated, 77)).toBe(true);
    expect(before.every((b) => b === 0)).toBe(true);
  });

  it('should try again when the random entry is taken', () => {
    const taken = statusBitstring(128, [5]);
    expect(allocateStatusIndices(taken, 1, sequence(5, 5, 9)).indices).toEqual([9]);
  });

  it('should scan from a random start when the list is crowded', () => {
    const allButTwo = statusBitstring(
      128,
      Array.from({ length: 128 }, (_, i) => i).filter((i) => i !== 3 && i !== 100),
    );
    // 32 tries land on taken entry 0, then the scan starts at 0 and finds 3, then 100.
    expect(allocateStatusIndices(allButTwo, 2, () => 0).indices).toEqual([3, 100]);
  });

  it('should return fewer entries when the list fills up', () => {
    const allButOne = statusBitstring(8, [0, 1, 2, 3, 4, 5, 6]);
    const sut = allocateStatusIndices(allButOne, 3, () => 0);
    expect(sut.indices).toEqual([7]);
    expect(sut.allocated[0]).toBe(0xff);
  });
});

describe('credentialStatus and the status list credential', () => {
  const url = 'https://pathways.example/issuers/org/status-lists/list';

  it('should put a revocation BitstringStatusListEntry on a credential that has a slot', () => {
    const sut = buildAchievementCredential({
      credentialId: '00000000-0000-4000-8000-000000000001',
      kind: 'QUALIFICATION',
      sourceId: '00000000-0000-4000-8000-000000000002',
      issuer: { id: 'org', name: 'Test Council' },
      subject: { id: 'u', name: 'Jo Bloggs', regulator: null, registrationNumber: null },
      achievement: { name: 'AMHP', description: 'd', achievementType: 'Certificate', criteriaNarrative: 'c' },
      alignments: [],
      signer: null,
      awardedOn: '2026-06-01',
      issuedAt: new Date('2026-06-02T10:00:00Z'),
      validUntil: null,
      status: { statusListCredential: url, statusListIndex: 94_567 },
    }) as Record<string, unknown>;
    expect(sut.credentialStatus).toEqual({
      id: `${url}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: url,
    });
  });

  it('should shape a BitstringStatusListCredential for revocation', () => {
    const sut = buildStatusListCredential({
      url,
      issuer: { id: 'https://pathways.example/issuers/org', name: 'Test Council' },
      validFrom: new Date('2026-06-02T10:00:00Z'),
      encodedList: 'uH4sI',
    });
    expect(sut).toMatchObject({
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: {
        id: `${url}#list`,
        type: 'BitstringStatusList',
        statusPurpose: 'revocation',
        encodedList: 'uH4sI',
      },
    });
  });
});
