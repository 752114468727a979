namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The count1 region's quadruples (11172-3 2.4.2.7, tables A and B) decoded together with their sign bits by one
/// lookup: the code (at most 6 bits) plus one sign bit per non-zero value (at most 4) fit in the next 10 bits.
/// This replaces a code lookup and up to four dependent one-bit reads per quadruple.
/// </summary>
/// <remarks>
/// Entry layout: bits 0-3 = bits consumed (code and signs); bits 4 + 2q .. 5 + 2q = value q of v, w, x, y as
/// 0 (zero), 1 (+1) or 3 (-1), an index into <see cref="Values"/>.
/// </remarks>
internal static class Count1Table
{
    public const int LookupBits = 10;

    /// <summary>The quadruple value of a two-bit field of an entry.</summary>
    public static readonly float[] Values = [0, 1, 0, -1];

    /// <summary>Table A (Huffman coded), indexed by the next <see cref="LookupBits"/> bits.</summary>
    public static readonly ushort[] A = Build(HuffmanCodeData.CodesQuadA, HuffmanCodeData.LengthsQuadA);

    /// <summary>Table B (value = 15 - the next four bits), indexed by the next <see cref="LookupBits"/> bits.</summary>
    public static readonly ushort[] B = Build(
        Enumerable.Range(0, 16).Select(value => (ushort)(15 - value)).ToArray(), Enumerable.Repeat((byte)4, 16).ToArray());

    private static ushort[] Build(ushort[] codes, byte[] lengths)
    {
        var table = new ushort[1 << LookupBits];
        for (var index = 0; index < table.Length; index++)
        {
            for (var value = 0; value < 16; value++)
            {
                var length = lengths[value];
                if (index >> (LookupBits - length) != codes[value])
                    continue;
                // The sign bits follow the code, one per non-zero value, in the order v, w, x, y.
                var consumed = length;
                var entry = 0;
                for (var q = 0; q < 4; q++)
                {
                    if ((value >> (3 - q) & 1) == 0)
                        continue;
                    var negative = index >> (LookupBits - 1 - consumed) & 1;
                    consumed++;
                    entry |= (negative == 1 ? 3 : 1) << (4 + 2 * q);
                }
                table[index] = (ushort)(entry | consumed);
                break;
            }
        }
        return table;
    }
}
