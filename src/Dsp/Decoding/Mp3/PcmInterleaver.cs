using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace GenreOrleans.Dsp.Decoding.Mp3;

/// <summary>
/// Interleaves two planar channels into L R L R ... The synthesis writes each channel contiguously (whole vectors);
/// one vectorised pass here is cheaper than scattering every sample to every other float.
/// </summary>
internal static class PcmInterleaver
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Interleave(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> output)
    {
        var count = Math.Min(left.Length, right.Length);
        output = output[..(2 * count)];
        var i = 0;
        if (Sse.IsSupported)
        {
            ref var l = ref MemoryMarshal.GetReference(left);
            ref var r = ref MemoryMarshal.GetReference(right);
            ref var o = ref MemoryMarshal.GetReference(output);
            for (; i + 4 <= count; i += 4)
            {
                var a = Vector128.LoadUnsafe(ref l, (nuint)i);
                var b = Vector128.LoadUnsafe(ref r, (nuint)i);
                Sse.UnpackLow(a, b).StoreUnsafe(ref o, (nuint)(2 * i));
                Sse.UnpackHigh(a, b).StoreUnsafe(ref o, (nuint)(2 * i + 4));
            }
        }
        for (; i < count; i++)
        {
            output[2 * i] = left[i];
            output[2 * i + 1] = right[i];
        }
    }
}
