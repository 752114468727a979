using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// A 64-bit window over main data for the Huffman hot loop: refilled a byte at a time so that at least 57 bits
/// are ready, enough for the longest pair (19-bit code, two 13-bit linbits fields, two signs).
/// Reads at most 16 bytes past the bit position, which the buffer's zero padding covers.
/// </summary>
internal ref struct BitCache
{
    private readonly ReadOnlySpan<byte> _data;
    private ulong _cache;
    private int _available;
    private int _nextByte;
    private readonly int _startBit;
    private int _consumed;

    public BitCache(ReadOnlySpan<byte> data, int bitPosition)
    {
        _data = data;
        _nextByte = bitPosition >> 3;
        _startBit = bitPosition;
        Refill();
        var skip = bitPosition & 7;
        _cache <<= skip;
        _available -= skip;
        _consumed = 0;
    }

    /// <summary>Absolute bit position of the next unread bit.</summary>
    public readonly int Position => _startBit + _consumed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Refill()
    {
        if (_available > 56)
            return;
        // One big-endian 8-byte load tops the window up to at least 57 bits.
        var word = BinaryPrimitives.ReadUInt64BigEndian(_data[_nextByte..]);
        _cache |= word >> _available;
        var bytes = (63 - _available) >> 3;
        _nextByte += bytes;
        _available += bytes * 8;
    }

    /// <summary>The next 32 bits, left-aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint Peek32() => (uint)(_cache >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int bits)
    {
        _cache <<= bits;
        _available -= bits;
        _consumed += bits;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read(int bits)
    {
        if (bits == 0)
            return 0;
        var value = (int)(_cache >> (64 - bits));
        Skip(bits);
        return value;
    }

    /// <summary>
    /// Reads one bit when <paramref name="present"/> is true and returns 0 without consuming anything otherwise,
    /// without a branch (sign bits of Huffman values follow only non-zero values and are as good as random).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadSignIf(bool present)
    {
        var take = present ? 1 : 0;
        var bit = (uint)(_cache >> 63) & (uint)take;
        Skip(take);
        return bit;
    }
}
