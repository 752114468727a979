using System.Numerics;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Tonal;

/// <summary>
/// Tuning deviation from A440 in fractions of a semitone, reproducing
/// <c>librosa.estimate_tuning(S=|STFT|^2, bins_per_octave=12)</c> step for step, because chroma
/// is very sensitive to it (0.01 off moves chroma by several times its tolerance):
/// <list type="number">
/// <item><c>piptrack</c> on the power spectrogram: in bins with 150 Hz &lt;= f &lt; 4 kHz, local maxima of the
/// frame thresholded at 0.1 x its maximum, with parabolic interpolation of frequency and height,
/// using librosa's mix of float32 and float64 arithmetic;</item>
/// <item>keep peaks whose height is at least the median height of all peaks;</item>
/// <item>histogram their deviation from the equal-tempered grid in 0.01-semitone bins over
/// [-0.5, 0.5) and return the left edge of the first fullest bin.</item>
/// </list>
/// Feed frames with <see cref="AddFrame"/>, then call <see cref="Estimate"/>; <see cref="Reset"/> reuses the buffers.
/// </summary>
public sealed class TuningEstimator
{
    private const int BinsPerOctave = 12;
    private const double Resolution = 0.01;
    private readonly int _firstBin;
    private readonly int _endBin;
    private readonly double _binToHz;
    private readonly double[] _edges;
    private readonly int[] _counts;
    private float[] _pitches = new float[4096];
    private float[] _heights = new float[4096];
    private float[] _sortScratch = [];
    private int _count;

    public TuningEstimator(double sampleRate = 22050, int fftSize = 2048, double minHz = 150.0, double maxHz = 4000.0)
    {
        var freqs = FftFrequencies.Of(fftSize, sampleRate);
        maxHz = Math.Min(maxHz, sampleRate / 2);
        _firstBin = Array.FindIndex(freqs, f => f >= minHz);
        _endBin = Array.FindIndex(freqs, f => f >= maxHz);
        if (_endBin < 0) _endBin = freqs.Length - 1;
        _firstBin = Math.Max(1, _firstBin);
        _endBin = Math.Min(_endBin, freqs.Length - 1);
        SampleRate = sampleRate;
        FftSize = fftSize;
        _binToHz = sampleRate;

        // numpy.linspace(-0.5, 0.5, 101): start + i * step, the last edge set exactly.
        var edgeCount = (int)Math.Ceiling(1.0 / Resolution) + 1;
        _edges = new double[edgeCount];
        var step = 1.0 / (edgeCount - 1);
        for (var i = 0; i < edgeCount; i++) _edges[i] = i * step + -0.5;
        _edges[^1] = 0.5;
        _counts = new int[edgeCount - 1];
    }

    public double SampleRate { get; }

    public int FftSize { get; }

    /// <summary>Peaks collected so far.</summary>
    public int PeakCount => _count;

    public void Reset() => _count = 0;

    /// <summary>Adds the pitch peaks of one power frame (length FftSize / 2 + 1).</summary>
    public void AddFrame(ReadOnlySpan<float> power)
    {
        var max = MaxOf(power);
        var reference = 0.1f * max;
        var last = power.Length - 1;

        for (var k = _firstBin; k < _endBin; k++)
        {
            // Local maximum of S * (S > ref): strictly above the left neighbour, not below the right.
            var here = Thresholded(power[k], reference);
            if (!(here > Thresholded(power[k - 1], reference))) continue;
            if (k < last && !(here >= Thresholded(power[k + 1], reference))) continue;

            var left = power[k - 1];
            var right = power[k + 1];
            // numba stencil arithmetic: float32 sums, promoted to float64 by the integer literals.
            var a = (double)(right + left) - 2.0 * power[k];
            var b = (double)(right - left) / 2.0;
            var shift = Math.Abs(b) >= Math.Abs(a) ? 0f : (float)(-b / a);
            var gradient = (right - left) / 2.0f;
            var height = power[k] + 0.5f * gradient * shift;
            var pitch = (float)((k + (double)shift) * _binToHz / FftSize);
            Append(pitch, height);
        }
    }

    /// <summary>The tuning estimate in semitones (0 when no peak was found).</summary>
    public double Estimate()
    {
        if (_count == 0) return 0.0;
        var threshold = Median(_heights.AsSpan(0, _count));
        Array.Clear(_counts);
        var any = false;
        for (var i = 0; i < _count; i++)
        {
            if (!(_heights[i] >= threshold) || !(_pitches[i] > 0)) continue;
            // hz_to_octs in float32: log2(f / 27.5) * 12, wrapped to [-0.5, 0.5).
            var octs = MathF.Log2(_pitches[i] / 27.5f);
            var scaled = BinsPerOctave * octs;
            var residual = scaled % 1.0f;
            if (residual < 0) residual += 1.0f;
            if (residual >= 0.5f) residual -= 1.0f;
            var bin = BinOf(residual);
            if (bin < 0) continue;
            _counts[bin]++;
            any = true;
        }
        if (!any) return 0.0;
        var best = 0;
        for (var i = 1; i < _counts.Length; i++)
            if (_counts[i] > _counts[best]) best = i;
        return _edges[best];
    }

    // The largest value, at least 0, as a scalar scan from 0 finds it (a maximum does not depend on the order).
    private static float MaxOf(ReadOnlySpan<float> values)
    {
        var max = 0f;
        var k = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            var width = Vector<float>.Count;
            var lanes = Vector<float>.Zero;
            for (; k <= values.Length - width; k += width)
            {
                // "greater than" keeps the scalar scan's semantics for NaN and -0.
                var v = new Vector<float>(values.Slice(k, width));
                lanes = Vector.ConditionalSelect(Vector.GreaterThan(v, lanes), v, lanes);
            }
            for (var i = 0; i < width; i++) if (lanes[i] > max) max = lanes[i];
        }
        for (; k < values.Length; k++) if (values[k] > max) max = values[k];
        return max;
    }

    private static float Thresholded(float value, float reference) => value > reference ? value : 0f;

    // Bin i holds edges[i] <= r < edges[i + 1] (the last bin also holds r == 0.5), compared in double.
    private int BinOf(float residual)
    {
        double r = residual;
        if (r < _edges[0] || r > _edges[^1]) return -1;
        var guess = (int)((r - _edges[0]) / Resolution);
        guess = Math.Clamp(guess, 0, _counts.Length - 1);
        while (guess > 0 && r < _edges[guess]) guess--;
        while (guess < _counts.Length - 1 && r >= _edges[guess + 1]) guess++;
        return guess;
    }

    private void Append(float pitch, float height)
    {
        if (_count == _pitches.Length)
        {
            Array.Resize(ref _pitches, _count * 2);
            Array.Resize(ref _heights, _count * 2);
        }
        _pitches[_count] = pitch;
        _heights[_count] = height;
        _count++;
    }

    // numpy.median in float32: the middle value, or the float32 mean of the two middle values.
    private float Median(ReadOnlySpan<float> values)
    {
        if (_sortScratch.Length < values.Length) _sortScratch = new float[values.Length];
        var sorted = _sortScratch.AsSpan(0, values.Length);
        values.CopyTo(sorted);
        sorted.Sort();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2f;
    }
}
