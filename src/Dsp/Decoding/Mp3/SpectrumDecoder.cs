using System.Runtime.CompilerServices;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Huffman decoding of the quantised spectrum (11172-3 2.4.2.7, big values and count1 regions) fused with
/// requantisation (2.4.3.4): xr = sign(is) * |is|^(4/3) * 2^(gain/4), with gain from global gain, subblock
/// gain, scale factors and pretab. Output is in coding order (short blocks not yet reordered).
/// </summary>
internal static class SpectrumDecoder
{
    /// <summary>|is|^(4/3) for every value big values can hold (15 + 2^13 - 1).</summary>
    private static readonly float[] Pow43 = BuildPow43();

    /// <summary>2^(k/4) for k = -<see cref="GainOffset"/> .. 63.</summary>
    private static readonly float[] Pow2Quarter = BuildPow2Quarter();

    private const int GainOffset = 512;

    private static float[] BuildPow43()
    {
        var table = new float[8207];
        for (var i = 0; i < table.Length; i++)
            table[i] = (float)Math.Pow(i, 4.0 / 3.0);
        return table;
    }

    private static float[] BuildPow2Quarter()
    {
        var table = new float[GainOffset + 64];
        for (var i = 0; i < table.Length; i++)
            table[i] = (float)Math.Pow(2, (i - GainOffset) / 4.0);
        return table;
    }

    /// <summary>Decodes one granule of one channel into <paramref name="xr"/> (576 lines).</summary>
    /// <returns>How many leading lines may be non-zero (all lines after it are zero).</returns>
    public static int Decode(MainDataReader reader, int endBit, in GranuleChannelInfo info, ScaleFactors scalefactors,
        int sampleRateIndex, bool lsf, Span<int> quantised, Span<float> xr)
    {
        var count = DecodeHuffman(reader, endBit, info, sampleRateIndex, quantised);
        Requantise(info, scalefactors, sampleRateIndex, lsf, quantised, count, xr);
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeHuffman(MainDataReader reader, int endBit, in GranuleChannelInfo info, int sampleRateIndex, Span<int> output)
    {
        var longBands = ScaleFactorBands.Long[sampleRateIndex];
        var bigEnd = Math.Min(info.BigValues * 2, 576);
        int region1, region2;
        if (info.WindowSwitching)
        {
            region1 = info.BlockType == 2 && !info.MixedBlock ? 3 * ScaleFactorBands.Short[sampleRateIndex][3] : longBands[8];
            region2 = 576;
        }
        else
        {
            region1 = longBands[Math.Min(info.Region0Count + 1, 22)];
            region2 = longBands[Math.Min(info.Region0Count + info.Region1Count + 2, 22)];
        }
        region1 = Math.Min(region1, bigEnd);
        region2 = Math.Min(region2, bigEnd);

        var bits = new BitCache(reader.Data, reader.Position);
        var i = 0;
        i = DecodePairs(ref bits, endBit, HuffmanTable.All[info.TableSelect0], output, i, region1);
        i = DecodePairs(ref bits, endBit, HuffmanTable.All[info.TableSelect1], output, i, region2);
        i = DecodePairs(ref bits, endBit, HuffmanTable.All[info.TableSelect2], output, i, bigEnd);

        // Count1 region: quadruples of values in -1..1 until the granule's bits are used up.
        var quad = HuffmanTable.All[32]!.Entries;
        while (i + 4 <= 576 && bits.Position < endBit)
        {
            bits.Refill();
            int value;
            if (info.Count1TableB)
            {
                value = 15 - bits.Read(4);
            }
            else
            {
                var entry = quad[bits.Peek32() >> (32 - HuffmanTable.RootBits)];
                bits.Skip(entry & 255);
                value = entry >> 8;
            }
            var v = (value >> 3 & 1) == 0 ? 0 : 1 - 2 * bits.Read(1);
            var w = (value >> 2 & 1) == 0 ? 0 : 1 - 2 * bits.Read(1);
            var x = (value >> 1 & 1) == 0 ? 0 : 1 - 2 * bits.Read(1);
            var y = (value & 1) == 0 ? 0 : 1 - 2 * bits.Read(1);
            if (bits.Position > endBit)
                break; // the last quadruple ran past the granule's data: it is not part of the spectrum
            output[i] = v;
            output[i + 1] = w;
            output[i + 2] = x;
            output[i + 3] = y;
            i += 4;
        }
        output[i..].Clear();
        reader.Position = bits.Position;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodePairs(ref BitCache bits, int endBit, HuffmanTable? table, Span<int> output, int i, int end)
    {
        if (i >= end)
            return i;
        if (table is null)
        {
            // Table 0 (and the unused 4 and 14) code all-zero pairs without spending bits.
            output[i..end].Clear();
            return end;
        }
        var entries = table.Entries;
        var linbits = table.Linbits;
        for (; i < end; i += 2)
        {
            if (bits.Position > endBit)
            {
                output[i..end].Clear(); // corrupt granule: more big values than bits
                return end;
            }
            bits.Refill();
            var word = bits.Peek32();
            var levelBits = HuffmanTable.RootBits;
            var consumed = 0;
            var entry = entries[word >> (32 - HuffmanTable.RootBits)];
            while (entry < 0)
            {
                consumed += levelBits;
                entry = -entry;
                levelBits = entry & 31;
                entry = entries[(entry >> 5) + (int)((word << consumed) >> (32 - levelBits))];
            }
            bits.Skip(consumed + (entry & 255));
            var x = entry >> 12;
            var y = entry >> 8 & 15;
            if (x == 15 && linbits > 0)
                x += bits.Read(linbits);
            if (x != 0 && bits.Read(1) == 1)
                x = -x;
            if (y == 15 && linbits > 0)
                y += bits.Read(linbits);
            if (y != 0 && bits.Read(1) == 1)
                y = -y;
            output[i] = x;
            output[i + 1] = y;
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Requantise(in GranuleChannelInfo info, ScaleFactors sf, int sampleRateIndex, bool lsf,
        ReadOnlySpan<int> quantised, int count, Span<float> xr)
    {
        var longBands = ScaleFactorBands.Long[sampleRateIndex];
        var shortBands = ScaleFactorBands.Short[sampleRateIndex];
        var globalGain = info.GlobalGain - 210 + GainOffset;
        var scaleShift = info.ScalefacScale ? 2 : 1; // scale factors step 2^-1/2 or 2^-1
        xr[count..].Clear();

        if (!info.IsShort)
        {
            for (var sfb = 0; sfb < 22 && longBands[sfb] < count; sfb++)
            {
                var pre = info.Preflag ? ScaleFactorBands.Pretab[sfb] : 0;
                var gain = Pow2Quarter[Math.Max(globalGain - ((sf.Long[sfb] + pre) << scaleShift), 0)];
                ScaleBand(quantised, xr, longBands[sfb], Math.Min(longBands[sfb + 1], count), gain);
            }
            return;
        }

        var firstShort = 0;
        if (info.MixedBlock)
        {
            // The two lowest subbands (36 lines) are long-block coded.
            var longCount = lsf ? 6 : 8;
            for (var sfb = 0; sfb < longCount && longBands[sfb] < count; sfb++)
            {
                var pre = info.Preflag ? ScaleFactorBands.Pretab[sfb] : 0;
                var gain = Pow2Quarter[Math.Max(globalGain - ((sf.Long[sfb] + pre) << scaleShift), 0)];
                ScaleBand(quantised, xr, longBands[sfb], Math.Min(longBands[sfb + 1], count), gain);
            }
            firstShort = 3;
        }
        Span<int> subblockGain = [info.SubblockGain0 * 8, info.SubblockGain1 * 8, info.SubblockGain2 * 8];
        for (var sfb = firstShort; sfb < 13; sfb++)
        {
            var width = shortBands[sfb + 1] - shortBands[sfb];
            var start = 3 * shortBands[sfb];
            if (start >= count)
                break;
            for (var w = 0; w < 3; w++)
            {
                var from = start + w * width;
                var gain = Pow2Quarter[Math.Max(globalGain - subblockGain[w] - (sf.Short[sfb * 3 + w] << scaleShift), 0)];
                ScaleBand(quantised, xr, from, Math.Min(from + width, count), gain);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ScaleBand(ReadOnlySpan<int> quantised, Span<float> xr, int from, int to, float gain)
    {
        var pow43 = Pow43;
        var negative = -gain;
        for (var i = from; i < to; i++)
        {
            var q = quantised[i];
            xr[i] = pow43[Math.Abs(q)] * (q < 0 ? negative : gain);
        }
    }
}
