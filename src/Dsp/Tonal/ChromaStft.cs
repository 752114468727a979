using System.Numerics;
using System.Runtime.InteropServices;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// Chromagram of a power spectrogram, as <c>librosa.feature.chroma_stft(norm=inf)</c>: each frame
/// is projected onto the 12 pitch classes with a <see cref="ChromaFilterBank"/> built for the
/// clip's estimated tuning, then divided by its largest value (silent frames stay zero).
/// </summary>
public sealed class ChromaStft
{
    private readonly double[] _raw;

    public ChromaStft(ChromaFilterBank bank)
    {
        Bank = bank;
        _raw = new double[bank.ChromaCount];
    }

    public ChromaFilterBank Bank { get; }

    /// <summary>Chroma of one power frame into <paramref name="chroma"/> (length 12).</summary>
    public void ComputeFrame(ReadOnlySpan<float> power, Span<float> chroma)
    {
        var bins = Bank.BinCount;
        var weights = Bank.Weights;
        var c = 0;
        if (Vector.IsHardwareAccelerated && power.Length >= bins)
        {
            for (; c <= _raw.Length - 4; c += 4)
                DotFour(weights.AsSpan(c * bins, 4 * bins), power[..bins], _raw.AsSpan(c, 4));
        }
        for (; c < _raw.Length; c++)
            _raw[c] = Dot(weights.AsSpan(c * bins, bins), power);
        double max = 0;
        for (c = 0; c < _raw.Length; c++)
            max = Math.Max(max, Math.Abs(_raw[c]));
        var scale = max < SpectralNorms.Float32Tiny ? 1.0 : 1.0 / max;
        for (c = 0; c < _raw.Length; c++)
            chroma[c] = (float)(_raw[c] * scale);
    }

    /// <summary>Chroma of every frame of a power spectrogram stored frame by frame (frames x bins).</summary>
    public FeatureMatrix Compute(ReadOnlySpan<float> powerFrames, int frameCount)
    {
        var bins = Bank.BinCount;
        var rows = Bank.ChromaCount;
        var data = new float[rows * frameCount];
        Span<float> column = stackalloc float[rows];
        for (var t = 0; t < frameCount; t++)
        {
            ComputeFrame(powerFrames.Slice(t * bins, bins), column);
            for (var c = 0; c < rows; c++) data[c * frameCount + t] = column[c];
        }
        return new FeatureMatrix(rows, frameCount, data);
    }

    // Float SIMD lanes with a double total per vector: the chroma tolerance (0.002 after
    // normalisation) leaves ample room for float32 products.
    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
            acc += new Vector<float>(a.Slice(i, width)) * new Vector<float>(b.Slice(i, width));
        double sum = Vector.Sum(acc);
        for (; i < a.Length; i++) sum += (double)a[i] * b[i];
        return sum;
    }

    // Dot of four consecutive rows of `weights` (each b.Length long) with b, exactly as four
    // calls of Dot (same lanes, same order) but with four independent add chains in flight,
    // which the single chain's latency otherwise serialises. Unchecked: weights holds 4 b.Length.
    private static void DotFour(ReadOnlySpan<float> weights, ReadOnlySpan<float> b, Span<double> sums)
    {
        var n = b.Length;
        var width = Vector<float>.Count;
        ref var w = ref MemoryMarshal.GetReference(weights);
        ref var x = ref MemoryMarshal.GetReference(b);
        Vector<float> acc0 = default, acc1 = default, acc2 = default, acc3 = default;
        var i = 0;
        for (; i <= n - width; i += width)
        {
            var v = Vector.LoadUnsafe(ref x, (nuint)i);
            acc0 += Vector.LoadUnsafe(ref w, (nuint)i) * v;
            acc1 += Vector.LoadUnsafe(ref w, (nuint)(n + i)) * v;
            acc2 += Vector.LoadUnsafe(ref w, (nuint)(2 * n + i)) * v;
            acc3 += Vector.LoadUnsafe(ref w, (nuint)(3 * n + i)) * v;
        }
        double s0 = Vector.Sum(acc0), s1 = Vector.Sum(acc1), s2 = Vector.Sum(acc2), s3 = Vector.Sum(acc3);
        for (; i < n; i++)
        {
            s0 += (double)weights[i] * b[i];
            s1 += (double)weights[n + i] * b[i];
            s2 += (double)weights[2 * n + i] * b[i];
            s3 += (double)weights[3 * n + i] * b[i];
        }
        sums[0] = s0; sums[1] = s1; sums[2] = s2; sums[3] = s3;
    }
}
