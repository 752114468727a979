namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// One Layer III Huffman code turned into multi-level lookup tables: the first <see cref="RootBits"/> bits of
/// the stream index the root; a code longer than that leads to a sub-table indexed by the following bits.
/// </summary>
/// <remarks>
/// Entry layout: leaf = (value &lt;&lt; 8) | bits consumed at this level, with value = (x &lt;&lt; 4) | y;
/// link = -(offset &lt;&lt; 5 | sub-table bits). Built once at start-up from <see cref="HuffmanCodeData"/>.
/// </remarks>
internal sealed class HuffmanTable
{
    public const int RootBits = 8;

    private HuffmanTable(int[] entries, int linbits)
    {
        Entries = entries;
        Linbits = linbits;
    }

    public int[] Entries { get; }
    public int Linbits { get; }

    /// <summary>Tables 0..31 for big values (0, 4 and 14 are empty: every value decodes as zero) and 32 for count1 table A.</summary>
    public static HuffmanTable?[] All { get; } = BuildAll();

    private static HuffmanTable?[] BuildAll()
    {
        var tables = new HuffmanTable?[33];
        (ushort[] Codes, byte[] Lengths, int Size)[] sources =
        [
            default, (HuffmanCodeData.Codes1, HuffmanCodeData.Lengths1, 2), (HuffmanCodeData.Codes2, HuffmanCodeData.Lengths2, 3),
            (HuffmanCodeData.Codes3, HuffmanCodeData.Lengths3, 3), default, (HuffmanCodeData.Codes5, HuffmanCodeData.Lengths5, 4),
            (HuffmanCodeData.Codes6, HuffmanCodeData.Lengths6, 4), (HuffmanCodeData.Codes7, HuffmanCodeData.Lengths7, 6),
            (HuffmanCodeData.Codes8, HuffmanCodeData.Lengths8, 6), (HuffmanCodeData.Codes9, HuffmanCodeData.Lengths9, 6),
            (HuffmanCodeData.Codes10, HuffmanCodeData.Lengths10, 8), (HuffmanCodeData.Codes11, HuffmanCodeData.Lengths11, 8),
            (HuffmanCodeData.Codes12, HuffmanCodeData.Lengths12, 8), (HuffmanCodeData.Codes13, HuffmanCodeData.Lengths13, 16),
            default, (HuffmanCodeData.Codes15, HuffmanCodeData.Lengths15, 16),
        ];
        for (var t = 1; t < 16; t++)
        {
            if (sources[t].Codes is not null)
                tables[t] = Build(sources[t].Codes, sources[t].Lengths, sources[t].Size, 0);
        }
        int[] linbits16 = [1, 2, 3, 4, 6, 8, 10, 13];
        int[] linbits24 = [4, 5, 6, 7, 8, 9, 11, 13];
        for (var i = 0; i < 8; i++)
        {
            tables[16 + i] = Build(HuffmanCodeData.Codes16, HuffmanCodeData.Lengths16, 16, linbits16[i]);
            tables[24 + i] = Build(HuffmanCodeData.Codes24, HuffmanCodeData.Lengths24, 16, linbits24[i]);
        }
        // Count1 table A: values are the four bits v w x y, stored as the "x" of a pair for the same lookup code.
        tables[32] = Build(HuffmanCodeData.CodesQuadA, HuffmanCodeData.LengthsQuadA, 16, 0, quad: true);
        return tables;
    }

    private static HuffmanTable Build(ushort[] codes, byte[] lengths, int size, int linbits, bool quad = false)
    {
        var symbols = new List<(uint Code, int Length, int Value)>();
        for (var i = 0; i < codes.Length; i++)
        {
            var value = quad ? i : (i / size) << 4 | (i % size);
            symbols.Add((codes[i], lengths[i], value));
        }
        var entries = new List<int>();
        BuildLevel(entries, symbols, 0, RootBits);
        return new HuffmanTable(entries.ToArray(), linbits);
    }

    /// <summary>Fills a table of 2^bits entries for the symbols whose codes share a prefix of <paramref name="consumed"/> bits.</summary>
    private static void BuildLevel(List<int> entries, List<(uint Code, int Length, int Value)> symbols, int consumed, int bits)
    {
        var start = entries.Count;
        for (var i = 0; i < 1 << bits; i++)
            entries.Add(0);
        var longer = new Dictionary<int, List<(uint, int, int)>>();
        foreach (var (code, length, value) in symbols)
        {
            var remaining = length - consumed;
            if (remaining <= bits)
            {
                // Every index that starts with this code's remaining bits decodes to it.
                var prefix = (int)(code & ((1u << remaining) - 1)) << (bits - remaining);
                for (var fill = 0; fill < 1 << (bits - remaining); fill++)
                    entries[start + prefix + fill] = value << 8 | remaining;
            }
            else
            {
                var index = (int)(code >> (remaining - bits)) & ((1 << bits) - 1);
                if (!longer.TryGetValue(index, out var list))
                    longer[index] = list = [];
                list.Add((code, length, value));
            }
        }
        foreach (var (index, list) in longer)
        {
            var maxRemaining = list.Max(s => s.Item2) - consumed - bits;
            var subBits = Math.Min(maxRemaining, RootBits);
            var offset = entries.Count;
            entries[start + index] = -(offset << 5 | subBits);
            BuildLevel(entries, list, consumed + bits, subBits);
        }
    }
}
