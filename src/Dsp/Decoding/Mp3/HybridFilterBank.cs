using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Numerics;
using System.Runtime.InteropServices;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The Layer III half of the hybrid filter bank for one channel (11172-3 2.4.3.4.10): short-block reordering,
/// alias reduction butterflies, the 36- and 12-point IMDCT with the block-type windows, overlap-add with the
/// previous granule, and frequency inversion of the odd subbands. Its output feeds the polyphase synthesis.
/// </summary>
internal sealed class HybridFilterBank
{
    /// <summary>Outputs of the long IMDCT padded to whole 8-float vectors.</summary>
    private const int PaddedLength = 40;

    /// <summary>
    /// Windowed long IMDCT matrices for block types 0, 1 and 3, stored by input: [type][k * PaddedLength + i],
    /// so each of the 18 inputs adds one scaled column to all 36 outputs at once.
    /// </summary>
    private static readonly float[][] LongMatrix = BuildLongMatrices(invertOddOutputs: false);

    /// <summary>
    /// The same with every odd output negated: frequency inversion of the odd subbands (negating their odd time
    /// samples) folded into the transform, for the overlap half as well, so it costs nothing.
    /// </summary>
    private static readonly float[][] LongMatrixInverted = BuildLongMatrices(invertOddOutputs: true);

    /// <summary>Windowed short IMDCT by input: [k * 16 + i], i = 0..11 (padded to two 8-float vectors).</summary>
    private static readonly float[] ShortMatrix = BuildShortMatrix();

    private readonly float[] _overlap = new float[576];
    private readonly float[] _reordered = new float[576];
    private readonly float[] _block = new float[Math.Max(36, PaddedLength)];

    /// <summary>Subbands that may hold non-zero overlap from the previous granule.</summary>
    private int _overlapSubbands;

    /// <summary>
    /// Turns one granule's spectrum (576 lines, <paramref name="count"/> possibly non-zero) into 18 time
    /// samples per subband, written to <paramref name="output"/>[subband * 18 + t].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Process(Span<float> spectrum, int count, in GranuleChannelInfo info, int sampleRateIndex, Span<float> output)
    {
        if (info.IsShort)
        {
            count = Reorder(spectrum, count, info.MixedBlock, sampleRateIndex);
        }

        // Non-zero input subbands; alias reduction can reach one subband further.
        var subbands = Math.Min(32, (count + 17) / 18);
        if (!info.IsShort || info.MixedBlock)
        {
            var limit = info.IsShort ? 2 : Math.Min(32, subbands + 1);
            AliasReduction.Apply(spectrum, limit - 1);
            if (!info.IsShort)
                subbands = limit;
        }

        var active = Math.Max(subbands, _overlapSubbands);
        for (var sb = 0; sb < active; sb++)
        {
            var overlap = _overlap.AsSpan(sb * 18, 18);
            var target = output.Slice(sb * 18, 18);
            if (sb >= subbands)
            {
                // Zero input: the output is the previous granule's tail (already sign-corrected), and nothing carries over.
                overlap.CopyTo(target);
                overlap.Clear();
                continue;
            }
            var input = spectrum.Slice(sb * 18, 18);
            var odd = (sb & 1) == 1;
            var blockType = info.MixedBlock && sb < 2 ? 0 : info.BlockType;
            if (blockType == 2)
            {
                ShortImdct(input, _block);
                if (odd)
                {
                    for (var t = 1; t < 36; t += 2)
                        _block[t] = -_block[t];
                }
            }
            else
            {
                var type = blockType == 3 ? 2 : blockType;
                LongImdct(input, odd ? LongMatrixInverted[type] : LongMatrix[type], _block);
            }
            OverlapAdd(_block, overlap, target);
        }
        output[(active * 18)..].Clear();
        _overlapSubbands = subbands;
    }

    /// <summary>target = first half + overlap; overlap = second half.</summary>
    private static void OverlapAdd(ReadOnlySpan<float> block, Span<float> overlap, Span<float> target)
    {
        var first = MemoryMarshal.Cast<float, Vector<float>>(block[..16]);
        var second = MemoryMarshal.Cast<float, Vector<float>>(block.Slice(18, 16));
        var tail = MemoryMarshal.Cast<float, Vector<float>>(overlap[..16]);
        var result = MemoryMarshal.Cast<float, Vector<float>>(target[..16]);
        for (var v = 0; v < first.Length; v++)
        {
            result[v] = first[v] + tail[v];
            tail[v] = second[v];
        }
        target[16] = block[16] + overlap[16];
        target[17] = block[17] + overlap[17];
        overlap[16] = block[34];
        overlap[17] = block[35];
    }

    /// <summary>Forgets the overlap, e.g. after a gap in the stream.</summary>
    public void Reset()
    {
        Array.Clear(_overlap);
        _overlapSubbands = 32;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void LongImdct(ReadOnlySpan<float> input, float[] matrix, Span<float> block)
    {
        // 36 outputs = 5 vectors (the last one padded), accumulated in registers: even inputs into one set, odd
        // into the other, so the FMA chains are 9 long instead of 18 and no partial sum goes through memory.
        // Zero inputs are not skipped: which lines are zero is unpredictable, and a mispredicted branch costs
        // more than the five multiply-adds it saves (measured: 7% of decoding time faster without the test).
        input = input[..18];
        block = block[..PaddedLength];
        ref var columns = ref MemoryMarshal.GetArrayDataReference(matrix);
        Vector256<float> e0 = default, e1 = default, e2 = default, e3 = default, e4 = default;
        Vector256<float> o0 = default, o1 = default, o2 = default, o3 = default, o4 = default;
        for (var k = 0; k < 18; k += 2)
        {
            var even = Vector256.Create(input[k]);
            var odd = Vector256.Create(input[k + 1]);
            {
                var scale = even;
                ref var column = ref Unsafe.Add(ref columns, k * PaddedLength);
                e0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column), scale, e0);
                e1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 8), scale, e1);
                e2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 16), scale, e2);
                e3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 24), scale, e3);
                e4 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 32), scale, e4);
            }
            {
                var scale = odd;
                ref var column = ref Unsafe.Add(ref columns, (k + 1) * PaddedLength);
                o0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column), scale, o0);
                o1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 8), scale, o1);
                o2 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 16), scale, o2);
                o3 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 24), scale, o3);
                o4 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref column, 32), scale, o4);
            }
        }
        ref var output = ref MemoryMarshal.GetReference(block);
        (e0 + o0).StoreUnsafe(ref output);
        (e1 + o1).StoreUnsafe(ref output, 8);
        (e2 + o2).StoreUnsafe(ref output, 16);
        (e3 + o3).StoreUnsafe(ref output, 24);
        (e4 + o4).StoreUnsafe(ref output, 32);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ShortImdct(ReadOnlySpan<float> input, Span<float> block)
    {
        // Three 12-point IMDCTs, windowed, overlapped at offsets 6, 12 and 18 of the 36-sample block.
        block[..36].Clear();
        Span<float> y = stackalloc float[16];
        ref var columns = ref ShortMatrix[0];
        for (var w = 0; w < 3; w++)
        {
            var low = Vector256<float>.Zero;
            var high = Vector256<float>.Zero;
            for (var k = 0; k < 6; k++)
            {
                var x = input[3 * k + w];
                if (x == 0)
                    continue;
                var scale = Vector256.Create(x);
                low = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref columns, (nuint)(k * 16)), scale, low);
                high = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref columns, (nuint)(k * 16 + 8)), scale, high);
            }
            low.CopyTo(y);
            high.CopyTo(y[8..]);
            var target = block.Slice(6 + 6 * w, 12);
            for (var i = 0; i < 12; i++)
                target[i] += y[i];
        }
    }

    /// <summary>Short blocks are coded band by band, window by window; the IMDCT wants the three windows interleaved per line.</summary>
    /// <returns>The new count of possibly non-zero lines: the end of the last band that had any.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Reorder(Span<float> spectrum, int count, bool mixed, int sampleRateIndex)
    {
        var shortBands = ScaleFactorBands.Short[sampleRateIndex];
        var firstBand = mixed ? 3 : 0;
        var start = 3 * shortBands[firstBand];
        if (count <= start)
            return count;
        var end = start;
        for (var sfb = firstBand; sfb < 13; sfb++)
        {
            var bandStart = 3 * shortBands[sfb];
            if (bandStart >= count)
                break;
            var width = shortBands[sfb + 1] - shortBands[sfb];
            for (var w = 0; w < 3; w++)
            {
                for (var j = 0; j < width; j++)
                    _reordered[bandStart + 3 * j + w] = spectrum[bandStart + w * width + j];
            }
            end = bandStart + 3 * width;
        }
        _reordered.AsSpan(start, end - start).CopyTo(spectrum[start..]);
        return end;
    }

    private static float[][] BuildLongMatrices(bool invertOddOutputs)
    {
        var windows = new double[3][];
        for (var type = 0; type < 3; type++)
        {
            var window = new double[36];
            for (var i = 0; i < 36; i++)
            {
                window[i] = type switch
                {
                    0 => Math.Sin(Math.PI / 36 * (i + 0.5)),
                    // Start block (type 1): long rise, flat, short fall, zeros.
                    1 => i < 18 ? Math.Sin(Math.PI / 36 * (i + 0.5)) : i < 24 ? 1 : i < 30 ? Math.Sin(Math.PI / 12 * (i - 18 + 0.5)) : 0,
                    // Stop block (type 3): zeros, short rise, flat, long fall.
                    _ => i < 6 ? 0 : i < 12 ? Math.Sin(Math.PI / 12 * (i - 6 + 0.5)) : i < 18 ? 1 : Math.Sin(Math.PI / 36 * (i + 0.5)),
                };
            }
            windows[type] = window;
        }
        var matrices = new float[3][];
        for (var type = 0; type < 3; type++)
        {
            var matrix = new float[18 * PaddedLength];
            for (var i = 0; i < 36; i++)
            {
                for (var k = 0; k < 18; k++)
                    matrix[k * PaddedLength + i] = (float)((invertOddOutputs && (i & 1) == 1 ? -1 : 1)
                        * windows[type][i] * Math.Cos(Math.PI / 72 * (2 * i + 1 + 18) * (2 * k + 1)));
            }
            matrices[type] = matrix;
        }
        return matrices;
    }

    private static float[] BuildShortMatrix()
    {
        var matrix = new float[6 * 16];
        for (var i = 0; i < 12; i++)
        {
            for (var k = 0; k < 6; k++)
                matrix[k * 16 + i] = (float)(Math.Sin(Math.PI / 12 * (i + 0.5)) * Math.Cos(Math.PI / 24 * (2 * i + 1 + 6) * (2 * k + 1)));
        }
        return matrix;
    }
}
