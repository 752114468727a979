using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// The 32-band polyphase synthesis filter bank of ISO/IEC 11172-3 2.4.3.2.2 (Figure A.2) for one channel,
/// computed eight time slots at a time: every vector holds one quantity at eight consecutive time slots, so the
/// matrixing and the windowing need no shuffles and no scalar loops.
/// </summary>
/// <remarks>
/// <para>
/// Matrixing V[i] = sum_k cos((16 + i)(2k + 1) pi / 64) S[k] (64 values per time slot) is a 32-point DCT-II
/// c[m] = sum_k S[k] cos(m (2k + 1) pi / 64) (the fast <see cref="Dct32"/>) and the cosine symmetries: V[i] = c[16 + i]
/// for i &lt; 16, V[16] = 0, V[i] = -c[48 - i] for 17 &lt;= i &lt; 48, V[i] = -c[i - 48] for i &gt;= 48. Only c is stored:
/// a history of the last <see cref="History"/> time slots per m.
/// </para>
/// <para>
/// Windowing out[j] = sum_i D[64i + j] V_(t-2i)[j] + D[64i + 32 + j] V_(t-2i-1)[32 + j], with V written through c,
/// becomes out[j] = sum_i A[i][j] c_(t-2i)[a(j)] + B[i][j] c_(t-2i-1)[b(j)], the signs folded into the tables A and B
/// (a(j) = 16 + j or 48 - j, b(j) = |16 - j|). Outputs j and 32 - j read the same two rows of c, so they are computed
/// together (mpg123 pairs them the same way). The result, one vector per j, is transposed to time order.
/// </para>
/// </remarks>
internal sealed class PolyphaseSynthesis
{
    /// <summary>Time slots of c kept from the previous granule: the window reaches 15 slots back.</summary>
    private const int History = 16;

    /// <summary>Length of one row of <see cref="_c"/>: history plus the 18 slots of the granule being synthesised.</summary>
    private const int RowLength = History + 18;

    /// <summary>
    /// Window with signs folded in, [(j * 8 + i) * 2] = A[i][j] and [(j * 8 + i) * 2 + 1] = B[i][j], in units of full scale.
    /// </summary>
    private static readonly float[] Coefficients = BuildCoefficients();

    /// <summary>
    /// <see cref="Coefficients"/> with every value repeated across a vector (16 KiB): the multiply-adds then take
    /// the coefficient straight from memory instead of broadcasting it first.
    /// </summary>
    private static readonly Vector256<float>[] Broadcast = Coefficients.Select(Vector256.Create).ToArray();

    /// <summary>c[m] per time slot, [m * RowLength + History + t] for this granule's slot t, history before it.</summary>
    private readonly float[] _c = new float[32 * RowLength];

    /// <summary>
    /// Turns one granule, 18 time samples of each of 32 subbands (<paramref name="subbands"/>[k * 18 + t]), into
    /// 576 PCM samples written to <paramref name="pcm"/>[t * 32 + j].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void SynthesizeGranule(ReadOnlySpan<float> subbands, Span<float> pcm)
    {
        subbands = subbands[..576];
        pcm = pcm[..576];
        Span<Vector256<float>> x = stackalloc Vector256<float>[32];
        Span<Vector256<float>> scratch = stackalloc Vector256<float>[32];
        ref var input = ref MemoryMarshal.GetReference(subbands);
        ref var c = ref _c[0];

        // Time slots 0-7, 8-15 and 10-17: the last pass recomputes 10-15 (to the same values) rather than pad the input.
        for (var pass = 0; pass < 3; pass++)
        {
            var first = pass == 2 ? 10 : pass * 8;
            for (var k = 0; k < 32; k++)
                x[k] = Vector256.LoadUnsafe(ref input, (nuint)(k * 18 + first));
            Dct32.Transform(x, scratch);
            for (var m = 0; m < 32; m++)
                x[m].StoreUnsafe(ref c, (nuint)(m * RowLength + History + first));

            Window(ref c, History + first, x);
            for (var block = 0; block < 4; block++)
                Transpose8x8(x.Slice(block * 8, 8));
            // x[block * 8 + s] now holds out[block * 8 .. + 7] of time slot first + s.
            ref var output = ref MemoryMarshal.GetReference(pcm);
            for (var s = 0; s < 8; s++)
            {
                for (var block = 0; block < 4; block++)
                    x[block * 8 + s].StoreUnsafe(ref output, (nuint)((first + s) * 32 + block * 8));
            }
        }

        // Keep the last History slots for the next granule.
        for (var m = 0; m < 32; m++)
            _c.AsSpan(m * RowLength + 18, History).CopyTo(_c.AsSpan(m * RowLength, History));
    }

    /// <summary>out[j] for the eight time slots from <paramref name="slot"/> on, into <paramref name="output"/>[j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Window(ref float c, int slot, Span<Vector256<float>> output)
    {
        output = output[..32];
        ref var coefficients = ref Broadcast[0];
        for (var j = 0; j <= 16; j++)
        {
            // Rows a(j) = 16 + j and b(j) = 16 - j serve both j and 32 - j (for j = 0 and 16 only j itself).
            ref var rowA = ref Unsafe.Add(ref c, (16 + j) % 32 * RowLength + slot);
            ref var rowB = ref Unsafe.Add(ref c, (16 - j) * RowLength + slot - 1);
            ref var low = ref Unsafe.Add(ref coefficients, j * 16);
            ref var high = ref Unsafe.Add(ref coefficients, (32 - j) % 32 * 16);
            var sumLowA = Vector256<float>.Zero;
            var sumLowB = Vector256<float>.Zero;
            var sumHighA = Vector256<float>.Zero;
            var sumHighB = Vector256<float>.Zero;
            for (var i = 0; i < 8; i++)
            {
                var a = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref rowA, 2 * i));
                var b = Vector256.LoadUnsafe(ref Unsafe.Subtract(ref rowB, 2 * i));
                sumLowA = Vector256.FusedMultiplyAdd(Unsafe.Add(ref low, 2 * i), a, sumLowA);
                sumLowB = Vector256.FusedMultiplyAdd(Unsafe.Add(ref low, 2 * i + 1), b, sumLowB);
                sumHighA = Vector256.FusedMultiplyAdd(Unsafe.Add(ref high, 2 * i), a, sumHighA);
                sumHighB = Vector256.FusedMultiplyAdd(Unsafe.Add(ref high, 2 * i + 1), b, sumHighB);
            }
            output[j] = sumLowA + sumLowB;
            if (j is > 0 and < 16)
                output[32 - j] = sumHighA + sumHighB;
        }
    }

    /// <summary>Transposes eight vectors of eight floats in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(Span<Vector256<float>> rows)
    {
        rows = rows[..8];
        if (Avx.IsSupported)
        {
            var t0 = Avx.UnpackLow(rows[0], rows[1]);
            var t1 = Avx.UnpackHigh(rows[0], rows[1]);
            var t2 = Avx.UnpackLow(rows[2], rows[3]);
            var t3 = Avx.UnpackHigh(rows[2], rows[3]);
            var t4 = Avx.UnpackLow(rows[4], rows[5]);
            var t5 = Avx.UnpackHigh(rows[4], rows[5]);
            var t6 = Avx.UnpackLow(rows[6], rows[7]);
            var t7 = Avx.UnpackHigh(rows[6], rows[7]);
            var u0 = Avx.Shuffle(t0, t2, 0x44);
            var u1 = Avx.Shuffle(t0, t2, 0xEE);
            var u2 = Avx.Shuffle(t1, t3, 0x44);
            var u3 = Avx.Shuffle(t1, t3, 0xEE);
            var u4 = Avx.Shuffle(t4, t6, 0x44);
            var u5 = Avx.Shuffle(t4, t6, 0xEE);
            var u6 = Avx.Shuffle(t5, t7, 0x44);
            var u7 = Avx.Shuffle(t5, t7, 0xEE);
            rows[0] = Avx.Permute2x128(u0, u4, 0x20);
            rows[1] = Avx.Permute2x128(u1, u5, 0x20);
            rows[2] = Avx.Permute2x128(u2, u6, 0x20);
            rows[3] = Avx.Permute2x128(u3, u7, 0x20);
            rows[4] = Avx.Permute2x128(u0, u4, 0x31);
            rows[5] = Avx.Permute2x128(u1, u5, 0x31);
            rows[6] = Avx.Permute2x128(u2, u6, 0x31);
            rows[7] = Avx.Permute2x128(u3, u7, 0x31);
            return;
        }
        Span<float> values = stackalloc float[64];
        for (var r = 0; r < 8; r++)
        {
            for (var col = 0; col < 8; col++)
                values[col * 8 + r] = rows[r].GetElement(col);
        }
        for (var r = 0; r < 8; r++)
            rows[r] = Vector256.Create((ReadOnlySpan<float>)values.Slice(r * 8, 8));
    }

    public void Reset() => Array.Clear(_c);

    private static float[] BuildCoefficients()
    {
        // V[j] = +c[16 + j] for j < 16, 0 for j = 16, -c[48 - j] for j > 16; V[32 + j] = -c[|16 - j|] for every j.
        var window = SynthesisWindowData.Coefficients;
        var table = new float[32 * 16];
        for (var j = 0; j < 32; j++)
        {
            var signA = j < 16 ? 1f : j == 16 ? 0f : -1f;
            for (var i = 0; i < 8; i++)
            {
                table[(j * 8 + i) * 2] = signA * window[64 * i + j] / 65536f;
                table[(j * 8 + i) * 2 + 1] = -window[64 * i + 32 + j] / 65536f;
            }
        }
        return table;
    }
}
