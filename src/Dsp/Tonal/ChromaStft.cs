using System.Numerics;
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
        double max = 0;
        for (var c = 0; c < _raw.Length; c++)
        {
            _raw[c] = Dot(weights.AsSpan(c * bins, bins), power);
            max = Math.Max(max, Math.Abs(_raw[c]));
        }
        var scale = max < SpectralNorms.Float32Tiny ? 1.0 : 1.0 / max;
        for (var c = 0; c < _raw.Length; c++)
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
}
