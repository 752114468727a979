using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Unnormalised 32-point DCT-II, c[m] = sum_k x[k] cos(m (2k + 1) pi / 64), by Byeong Gi Lee's factorisation
/// (the one mpg123's dct64 and libmad use): 80 multiplications and 209 additions instead of 1024 multiply-adds.
/// Every lane of the vectors is an independent transform, so the synthesis runs eight time slots at once.
/// </summary>
/// <remarks>
/// One step of the recursion, N = 2n: a[k] = x[k] + x[N-1-k] and b[k] = (x[k] - x[N-1-k]) / (2 cos((2k + 1) pi / 2N))
/// for k &lt; n; then c[2m] = DCT_n(a)[m] and c[2m+1] = DCT_n(b)[m] + DCT_n(b)[m+1] (with DCT_n(b)[n] = 0), from
/// cos((2m+1)t) = (cos(2mt) + cos(2(m+1)t)) / (2 cos t). Sizes 32 and 16 are loops over memory; the four 8-point
/// transforms that remain are written out so that they stay in registers.
/// </remarks>
internal static class Dct32
{
    /// <summary>1 / (2 cos((2k + 1) pi / 2N)) for N = 32 and 16, stored one after the other (16 + 8).</summary>
    private static readonly float[] Factors = BuildFactors();

    // The factors of sizes 8, 4 and 2, for the register-only part.
    private static readonly float Factor8A = Factor(8, 0), Factor8B = Factor(8, 1), Factor8C = Factor(8, 2), Factor8D = Factor(8, 3);
    private static readonly float Factor4A = Factor(4, 0), Factor4B = Factor(4, 1);
    private static readonly float Factor2 = Factor(2, 0);

    /// <summary>Transforms <paramref name="x"/> in place (32 vectors); <paramref name="scratch"/> holds 32 more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(Span<Vector256<float>> x, Span<Vector256<float>> scratch)
    {
        x = x[..32];
        scratch = scratch[..32];
        var factors = Factors.AsSpan();

        // Sizes 32 and 16 through memory (into scratch, then back into x); that leaves four independent 8-point
        // transforms, each done in registers; then the recombinations of sizes 16 (into scratch) and 32 (into x).
        Butterflies(x, scratch, 32, factors[..16]);
        Butterflies(scratch, x, 16, factors.Slice(16, 8));
        for (var block = 0; block < 32; block += 8)
            Dct8(x.Slice(block, 8));
        Recombine(x, scratch, 16);
        Recombine(scratch, x, 32);
    }

    /// <summary>The 8-point transform in place, all values in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dct8(Span<Vector256<float>> v)
    {
        v = v[..8];
        var a0 = v[0] + v[7];
        var a1 = v[1] + v[6];
        var a2 = v[2] + v[5];
        var a3 = v[3] + v[4];
        var b0 = (v[0] - v[7]) * Factor8A;
        var b1 = (v[1] - v[6]) * Factor8B;
        var b2 = (v[2] - v[5]) * Factor8C;
        var b3 = (v[3] - v[4]) * Factor8D;
        Dct4(a0, a1, a2, a3, out var evenA, out var evenB, out var evenC, out var evenD);
        Dct4(b0, b1, b2, b3, out var oddA, out var oddB, out var oddC, out var oddD);
        v[0] = evenA;
        v[1] = oddA + oddB;
        v[2] = evenB;
        v[3] = oddB + oddC;
        v[4] = evenC;
        v[5] = oddC + oddD;
        v[6] = evenD;
        v[7] = oddD;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dct4(Vector256<float> p0, Vector256<float> p1, Vector256<float> p2, Vector256<float> p3,
        out Vector256<float> q0, out Vector256<float> q1, out Vector256<float> q2, out Vector256<float> q3)
    {
        var c0 = p0 + p3;
        var c1 = p1 + p2;
        var d0 = (p0 - p3) * Factor4A;
        var d1 = (p1 - p2) * Factor4B;
        // Two 2-point transforms: (u + v, (u - v) / (2 cos(pi/4))); size 2 needs no recombination.
        var d1Odd = (d0 - d1) * Factor2;
        q0 = c0 + c1;
        q1 = d0 + d1 + d1Odd;
        q2 = (c0 - c1) * Factor2;
        q3 = d1Odd;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Butterflies(ReadOnlySpan<Vector256<float>> from, Span<Vector256<float>> to, int size, ReadOnlySpan<float> factors)
    {
        var half = size / 2;
        for (var block = 0; block < 32; block += size)
        {
            var input = from.Slice(block, size);
            var output = to.Slice(block, size);
            for (var k = 0; k < half; k++)
            {
                var a = input[k];
                var b = input[size - 1 - k];
                output[k] = a + b;
                output[half + k] = (a - b) * factors[k];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Recombine(ReadOnlySpan<Vector256<float>> from, Span<Vector256<float>> to, int size)
    {
        var half = size / 2;
        for (var block = 0; block < 32; block += size)
        {
            var even = from.Slice(block, half);
            var odd = from.Slice(block + half, half);
            var output = to.Slice(block, size);
            for (var m = 0; m < half - 1; m++)
            {
                output[2 * m] = even[m];
                output[2 * m + 1] = odd[m] + odd[m + 1];
            }
            output[size - 2] = even[half - 1];
            output[size - 1] = odd[half - 1];
        }
    }

    private static float Factor(int size, int k) => (float)(0.5 / Math.Cos((2 * k + 1) * Math.PI / (2 * size)));

    private static float[] BuildFactors()
    {
        var factors = new List<float>();
        for (var size = 32; size >= 16; size /= 2)
        {
            for (var k = 0; k < size / 2; k++)
                factors.Add(Factor(size, k));
        }
        return factors.ToArray();
    }
}
