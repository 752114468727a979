using System.Numerics;

namespace GenreOrleans.Dsp.Spectral;

/// <summary>
/// Triangular mel filters with Slaney's area normalisation, identical to
/// <c>librosa.filters.mel(sr, n_fft, n_mels, fmin=0, fmax=sr/2, htk=False, norm='slaney')</c>
/// (weights computed in double, stored as float32 like librosa). Each filter is kept as its
/// non-zero run of bins, so applying the bank costs about two multiplies per FFT bin.
/// </summary>
public sealed class MelFilterBank
{
    private readonly int[] _start;
    private readonly float[][] _weights;

    public MelFilterBank(double sampleRate = 22050, int fftSize = 2048, int bandCount = 128,
        double minHz = 0.0, double? maxHz = null)
    {
        var fmax = maxHz ?? sampleRate / 2;
        BandCount = bandCount;
        BinCount = fftSize / 2 + 1;
        var fftFreqs = FftFrequencies.Of(fftSize, sampleRate);

        // Band edges: n_mels + 2 points uniformly spaced on the mel scale (numpy.linspace).
        var minMel = MelScale.HzToMel(minHz);
        var maxMel = MelScale.HzToMel(fmax);
        var edges = new double[bandCount + 2];
        var step = (maxMel - minMel) / (bandCount + 1);
        for (var i = 0; i < edges.Length; i++)
            edges[i] = MelScale.MelToHz(i * step + minMel);
        edges[^1] = MelScale.MelToHz(maxMel);
        CentreFrequencies = edges[1..^1];

        _start = new int[bandCount];
        _weights = new float[bandCount][];
        var row = new float[BinCount];
        for (var m = 0; m < bandCount; m++)
        {
            var lowerWidth = edges[m + 1] - edges[m];
            var upperWidth = edges[m + 2] - edges[m + 1];
            var enorm = 2.0 / (edges[m + 2] - edges[m]);
            int first = -1, last = -1;
            for (var k = 0; k < BinCount; k++)
            {
                var lower = -(edges[m] - fftFreqs[k]) / lowerWidth;
                var upper = (edges[m + 2] - fftFreqs[k]) / upperWidth;
                // librosa rounds the triangle to float32 first, then scales it in float32.
                var w = (float)Math.Max(0.0, Math.Min(lower, upper));
                row[k] = (float)(w * enorm);
                if (row[k] > 0) { if (first < 0) first = k; last = k; }
            }
            if (first < 0) { _start[m] = 0; _weights[m] = []; continue; }
            _start[m] = first;
            _weights[m] = row[first..(last + 1)];
        }
    }

    public int BandCount { get; }

    public int BinCount { get; }

    /// <summary>Centre frequency of each band in Hz.</summary>
    public double[] CentreFrequencies { get; }

    /// <summary>Weight of FFT bin <paramref name="bin"/> in band <paramref name="band"/>.</summary>
    public float Weight(int band, int bin)
    {
        var offset = bin - _start[band];
        return offset >= 0 && offset < _weights[band].Length ? _weights[band][offset] : 0f;
    }

    /// <summary>Applies the bank to one power spectrum (length <see cref="BinCount"/>).</summary>
    public void Apply(ReadOnlySpan<float> power, Span<float> mel)
    {
        for (var m = 0; m < _weights.Length; m++)
        {
            var w = _weights[m];
            var p = power.Slice(_start[m], w.Length);
            double sum = 0;
            var i = 0;
            if (Vector.IsHardwareAccelerated && w.Length >= Vector<float>.Count)
            {
                // Wide high bands: float lanes widened to double products, summed in double.
                var width = Vector<float>.Count;
                Vector<double> acc0 = default, acc1 = default;
                for (; i <= w.Length - width; i += width)
                {
                    Vector.Widen(new Vector<float>(w, i), out var w0, out var w1);
                    Vector.Widen(new Vector<float>(p.Slice(i, width)), out var p0, out var p1);
                    acc0 += w0 * p0;
                    acc1 += w1 * p1;
                }
                sum = Vector.Sum(acc0 + acc1);
            }
            for (; i < w.Length; i++)
                sum += (double)w[i] * p[i];
            mel[m] = (float)sum;
        }
    }

    /// <summary>
    /// Applies the bank to two power spectra at once: each band of each frame is summed exactly
    /// as <see cref="Apply"/> sums it (same lanes, same order), the two frames' sums running side
    /// by side so that their chains of dependent additions overlap.
    /// </summary>
    public void ApplyPair(ReadOnlySpan<float> powerA, ReadOnlySpan<float> powerB, Span<float> melA, Span<float> melB)
    {
        for (var m = 0; m < _weights.Length; m++)
        {
            var w = _weights[m];
            var p = powerA.Slice(_start[m], w.Length);
            var q = powerB.Slice(_start[m], w.Length);
            double sumA = 0, sumB = 0;
            var i = 0;
            if (Vector.IsHardwareAccelerated && w.Length >= Vector<float>.Count)
            {
                var width = Vector<float>.Count;
                Vector<double> a0 = default, a1 = default, b0 = default, b1 = default;
                for (; i <= w.Length - width; i += width)
                {
                    Vector.Widen(new Vector<float>(w, i), out var w0, out var w1);
                    Vector.Widen(new Vector<float>(p.Slice(i, width)), out var p0, out var p1);
                    Vector.Widen(new Vector<float>(q.Slice(i, width)), out var q0, out var q1);
                    a0 += w0 * p0;
                    a1 += w1 * p1;
                    b0 += w0 * q0;
                    b1 += w1 * q1;
                }
                sumA = Vector.Sum(a0 + a1);
                sumB = Vector.Sum(b0 + b1);
            }
            for (; i < w.Length; i++)
            {
                double weight = w[i];
                sumA += weight * p[i];
                sumB += weight * q[i];
            }
            melA[m] = (float)sumA;
            melB[m] = (float)sumB;
        }
    }
}
