using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Alias reduction of long blocks (11172-3 2.4.3.4.10.1, Figure A.5): eight butterflies across every boundary
/// between two subbands. The butterflies of one boundary touch lines b - 8 .. b + 7 only, so each boundary is one
/// pass over two 8-float vectors, the lower one reversed (line b - 1 - i meets line b + i).
/// </summary>
internal static class AliasReduction
{
    // Coefficients c_i of Table B.9: cs = 1/sqrt(1 + c^2), ca = c/sqrt(1 + c^2).
    private static readonly double[] Coefficients = [-0.6, -0.535, -0.33, -0.185, -0.095, -0.041, -0.0142, -0.0037];
    private static readonly Vector256<float> Cs = Vector256.Create(Coefficients.Select(c => (float)(1 / Math.Sqrt(1 + c * c))).ToArray());
    private static readonly Vector256<float> Ca = Vector256.Create(Coefficients.Select(c => (float)(c / Math.Sqrt(1 + c * c))).ToArray());

    /// <summary>Applies the butterflies at the boundaries above subbands 0 .. <paramref name="boundaries"/> - 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(Span<float> spectrum, int boundaries)
    {
        spectrum = spectrum[..576];
        boundaries = Math.Min(boundaries, 31);
        ref var lines = ref MemoryMarshal.GetReference(spectrum);
        var cs = Cs;
        var ca = Ca;
        for (var sb = 1; sb <= boundaries; sb++)
        {
            var boundary = (nuint)(sb * 18);
            var upper = Vector256.LoadUnsafe(ref lines, boundary);
            var lower = Reverse(Vector256.LoadUnsafe(ref lines, boundary - 8));
            (upper * cs + lower * ca).StoreUnsafe(ref lines, boundary);
            Reverse(lower * cs - upper * ca).StoreUnsafe(ref lines, boundary - 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Reverse(Vector256<float> value) => Vector256.Shuffle(value, Vector256.Create(7, 6, 5, 4, 3, 2, 1, 0));
}
