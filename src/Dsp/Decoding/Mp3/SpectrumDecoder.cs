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
    /// <param name="gains">Scratch for 576 per-line gains.</param>
    /// <returns>How many leading lines may be non-zero (all lines after it are zero).</returns>
    public static int Decode(MainDataReader reader, int endBit, in GranuleChannelInfo info, ScaleFactors scalefactors,
        int sampleRateIndex, bool lsf, Span<float> gains, Span<float> xr)
    {
        // Requantisation is fused into the Huffman loop (as in mpg123): each decoded value is scaled right away
        // by its line's gain, so the quantised spectrum is never stored and read again.
        ComputeGains(info, scalefactors, sampleRateIndex, lsf, gains);
        return DecodeHuffman(reader, endBit, info, sampleRateIndex, gains, xr);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodeHuffman(MainDataReader reader, int endBit, in GranuleChannelInfo info, int sampleRateIndex,
        ReadOnlySpan<float> gains, Span<float> xr)
    {
        gains = gains[..576];
        xr = xr[..576];
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
        i = DecodePairs(ref bits, endBit, HuffmanTable.All[info.TableSelect0], gains, xr, i, region1);
        i = DecodePairs(ref bits, endBit, HuffmanTable.All[info.TableSelect1], gains, xr, i, region2);
        i = DecodePairs(ref bits, endBit, HuffmanTable.All[info.TableSelect2], gains, xr, i, bigEnd);

        // Count1 region: quadruples of values in -1..1 until the granule's bits are used up.
        var quads = info.Count1TableB ? Count1Table.B : Count1Table.A;
        var values = Count1Table.Values;
        while (i + 4 <= 576 && bits.Position < endBit)
        {
            bits.Refill();
            var entry = quads[(int)(bits.Peek32() >> (32 - Count1Table.LookupBits))];
            bits.Skip(entry & 15);
            if (bits.Position > endBit)
                break; // the last quadruple ran past the granule's data: it is not part of the spectrum
            xr[i] = values[entry >> 4 & 3] * gains[i];
            xr[i + 1] = values[entry >> 6 & 3] * gains[i + 1];
            xr[i + 2] = values[entry >> 8 & 3] * gains[i + 2];
            xr[i + 3] = values[entry >> 10 & 3] * gains[i + 3];
            i += 4;
        }
        xr[i..].Clear();
        reader.Position = bits.Position;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DecodePairs(ref BitCache bits, int endBit, HuffmanTable? table, ReadOnlySpan<float> gains, Span<float> xr,
        int i, int end)
    {
        if (i >= end)
            return i;
        if (table is null)
        {
            // Table 0 (and the unused 4 and 14) code all-zero pairs without spending bits.
            xr[i..end].Clear();
            return end;
        }
        var entries = table.Entries;
        var linbits = table.Linbits;
        var pow43 = Pow43;
        for (; i < end; i += 2)
        {
            if (bits.Position > endBit)
            {
                xr[i..end].Clear(); // corrupt granule: more big values than bits
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
            // Signs are close to random, so they are applied without branches: pow43[0] = 0, and a zero value
            // has no sign bit to consume.
            if (x == 15 && linbits > 0)
                x += bits.Read(linbits);
            xr[i] = WithSign(pow43[x] * gains[i], bits.ReadSignIf(x != 0));
            if (y == 15 && linbits > 0)
                y += bits.Read(linbits);
            xr[i + 1] = WithSign(pow43[y] * gains[i + 1], bits.ReadSignIf(y != 0));
        }
        return i;
    }

    /// <summary>Negates <paramref name="value"/> when <paramref name="sign"/> is 1 (flips the IEEE sign bit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float WithSign(float value, uint sign) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(value) ^ (int)(sign << 31));

    /// <summary>
    /// The gain of every line, 2^((global_gain - 210 - 8 subblock_gain - 2 (1 + scalefac_scale)(scalefac + pretab)) / 4),
    /// in coding order (short blocks: band by band, window by window).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ComputeGains(in GranuleChannelInfo info, ScaleFactors sf, int sampleRateIndex, bool lsf, Span<float> gains)
    {
        gains = gains[..576];
        var longBands = ScaleFactorBands.Long[sampleRateIndex];
        var shortBands = ScaleFactorBands.Short[sampleRateIndex];
        var globalGain = info.GlobalGain - 210 + GainOffset;
        var scaleShift = info.ScalefacScale ? 2 : 1; // scale factors step 2^-1/2 or 2^-1

        if (!info.IsShort)
        {
            for (var sfb = 0; sfb < 22; sfb++)
            {
                var pre = info.Preflag ? ScaleFactorBands.Pretab[sfb] : 0;
                var gain = Pow2Quarter[Math.Max(globalGain - ((sf.Long[sfb] + pre) << scaleShift), 0)];
                gains[longBands[sfb]..longBands[sfb + 1]].Fill(gain);
            }
            return;
        }

        var firstShort = 0;
        if (info.MixedBlock)
        {
            // The two lowest subbands are long-block coded. (Where the long and short band tables of a rate do not
            // meet, the lines between them get no gain and decode as zero.)
            gains.Clear();
            var longCount = lsf ? 6 : 8;
            for (var sfb = 0; sfb < longCount; sfb++)
            {
                var pre = info.Preflag ? ScaleFactorBands.Pretab[sfb] : 0;
                var gain = Pow2Quarter[Math.Max(globalGain - ((sf.Long[sfb] + pre) << scaleShift), 0)];
                gains[longBands[sfb]..longBands[sfb + 1]].Fill(gain);
            }
            firstShort = 3;
        }
        Span<int> subblockGain = [info.SubblockGain0 * 8, info.SubblockGain1 * 8, info.SubblockGain2 * 8];
        for (var sfb = firstShort; sfb < 13; sfb++)
        {
            var width = shortBands[sfb + 1] - shortBands[sfb];
            var start = 3 * shortBands[sfb];
            for (var w = 0; w < 3; w++)
            {
                var gain = Pow2Quarter[Math.Max(globalGain - subblockGain[w] - (sf.Short[sfb * 3 + w] << scaleShift), 0)];
                gains.Slice(start + w * width, width).Fill(gain);
            }
        }
    }
}
