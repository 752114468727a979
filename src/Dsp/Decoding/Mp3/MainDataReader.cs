using System.Runtime.CompilerServices;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Most-significant-bit-first reader over the main data of a frame (scale factors and Huffman codes).
/// The buffer carries <see cref="Padding"/> zero bytes past any data, so peeking a few bytes beyond the end
/// of a corrupt granule reads zeros instead of failing; callers bound their loops by bit positions.
/// </summary>
internal sealed class MainDataReader
{
    public const int Padding = 64;

    private byte[] _data = [];

    public ReadOnlySpan<byte> Data => _data;

    /// <summary>Position in bits from the start of the buffer.</summary>
    public int Position;

    public void Reset(byte[] data, int bitPosition)
    {
        _data = data;
        Position = bitPosition;
    }

    /// <summary>The next 32 bits, left-aligned, without consuming them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Peek32()
    {
        var bytePosition = Position >> 3;
        ref var b = ref _data[bytePosition];
        var word = (uint)b << 24 | (uint)Unsafe.Add(ref b, 1) << 16 | (uint)Unsafe.Add(ref b, 2) << 8 | Unsafe.Add(ref b, 3);
        var shift = Position & 7;
        return shift == 0 ? word : word << shift | (uint)Unsafe.Add(ref b, 4) >> (8 - shift);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Read(int bits)
    {
        if (bits == 0)
            return 0;
        var value = (int)(Peek32() >> (32 - bits));
        Position += bits;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int bits) => Position += bits;
}
