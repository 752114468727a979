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
/// cos((2m+1)t) = (cos(2mt) + cos(2(m+1)t)) / (2 cos t). The butterflies run first for every size (32 down to 2),
/// then the recombinations (4 up to 32); size 2's recombination is the identity.
/// </remarks>
internal static class Dct32
{
    /// <summary>1 / (2 cos((2k + 1) pi / 2N)) for N = 32, 16, 8, 4, 2, stored one after the other (16 + 8 + 4 + 2 + 1).</summary>
    private static readonly float[] Factors = BuildFactors();

    /// <summary>Transforms <paramref name="x"/> in place (32 vectors); <paramref name="scratch"/> holds 32 more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Transform(Span<Vector256<float>> x, Span<Vector256<float>> scratch)
    {
        x = x[..32];
        scratch = scratch[..32];
        var factors = Factors.AsSpan();

        // Butterflies, ping-ponging between the two buffers: after size 32 (into scratch), 16 (x), 8 (scratch),
        // 4 (x) and 2 (scratch) the decimated values lie in scratch.
        Butterflies(x, scratch, 32, factors[..16]);
        Butterflies(scratch, x, 16, factors.Slice(16, 8));
        Butterflies(x, scratch, 8, factors.Slice(24, 4));
        Butterflies(scratch, x, 4, factors.Slice(28, 2));
        Butterflies(x, scratch, 2, factors.Slice(30, 1));

        // Recombination back to natural order: 4 (into x), 8 (scratch), 16 (x), 32 (scratch), then copy.
        Recombine(scratch, x, 4);
        Recombine(x, scratch, 8);
        Recombine(scratch, x, 16);
        Recombine(x, scratch, 32);
        scratch.CopyTo(x);
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

    private static float[] BuildFactors()
    {
        var factors = new List<float>();
        for (var size = 32; size >= 2; size /= 2)
        {
            for (var k = 0; k < size / 2; k++)
                factors.Add((float)(0.5 / Math.Cos((2 * k + 1) * Math.PI / (2 * size))));
        }
        return factors.ToArray();
    }
}
