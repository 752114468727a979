using System.Numerics;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Spectral contrast, as <c>librosa.feature.spectral_contrast(fmin=200, n_bands=6, quantile=0.02)</c>:
/// per octave band (plus the residual band above), the mean of the strongest and of the weakest
/// 2 % of the magnitude bins. <see cref="Accumulate"/> stores the raw peak and valley of a frame;
/// <see cref="ToDecibels"/> then applies librosa's <c>power_to_db(peak) - power_to_db(valley)</c>,
/// whose 80 dB floor is relative to the loudest peak (and valley) of the whole clip.
/// </summary>
public sealed class SpectralContrast
{
    private readonly int[] _bandStart;
    private readonly int[] _bandLength;
    private readonly int[] _quantileCount;
    private readonly float[] _lowest;
    private readonly float[] _highest;

    public SpectralContrast(double sampleRate = 22050, int fftSize = 2048, double minHz = 200.0,
        int bandCount = 6, double quantile = 0.02)
    {
        if (quantile is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(quantile));
        var freqs = FftFrequencies.Of(fftSize, sampleRate);
        var edges = new double[bandCount + 2];
        for (var i = 1; i < edges.Length; i++) edges[i] = minHz * Math.Pow(2.0, i - 1);
        if (edges[^2] >= 0.5 * sampleRate)
            throw new ArgumentOutOfRangeException(nameof(bandCount), "frequency band exceeds Nyquist");

        RowCount = bandCount + 1;
        _bandStart = new int[RowCount];
        _bandLength = new int[RowCount];
        _quantileCount = new int[RowCount];
        for (var k = 0; k < RowCount; k++)
        {
            // librosa's band membership: f_low <= f <= f_high, widened by one bin below (k > 0),
            // running to Nyquist for the last band, and then dropping its top bin (k < last).
            int first = -1, last = -1;
            for (var b = 0; b < freqs.Length; b++)
                if (freqs[b] >= edges[k] && freqs[b] <= edges[k + 1]) { if (first < 0) first = b; last = b; }
            if (k > 0) first--;
            if (k == bandCount) last = freqs.Length - 1;
            var members = last - first + 1;
            _bandStart[k] = first;
            _bandLength[k] = k < bandCount ? members - 1 : members;
            // np.rint rounds half to even, like Math.Round's default.
            _quantileCount[k] = Math.Max(1, (int)Math.Round(quantile * members));
        }
        var widest = _quantileCount.Max();
        _lowest = new float[widest];
        _highest = new float[widest];
    }

    /// <summary>Rows of the contrast matrix: the octave bands plus the residual band.</summary>
    public int RowCount { get; }

    /// <summary>Writes the linear peak and valley of each band of one magnitude frame.</summary>
    public void Accumulate(ReadOnlySpan<float> magnitude, Span<double> peak, Span<double> valley)
    {
        for (var k = 0; k < RowCount; k++)
        {
            var band = magnitude.Slice(_bandStart[k], _bandLength[k]);
            var count = Math.Min(_quantileCount[k], band.Length);
            SelectExtremes(band, count, _lowest, _highest);
            double low = 0, high = 0;
            for (var i = 0; i < count; i++) { low += _lowest[i]; high += _highest[i]; }
            valley[k] = (float)(low / count);
            peak[k] = (float)(high / count);
        }
    }

    /// <summary>
    /// Contrast in dB from the peaks and valleys of all frames (rows x frames, row-major):
    /// both are converted with <c>power_to_db(amin=1e-10, top_db=80)</c> over the whole clip.
    /// </summary>
    public static void ToDecibels(ReadOnlySpan<double> peaks, ReadOnlySpan<double> valleys, Span<float> contrast)
    {
        var peakFloor = DecibelFloor(peaks);
        var valleyFloor = DecibelFloor(valleys);
        for (var i = 0; i < contrast.Length; i++)
            contrast[i] = (float)(Math.Max(Decibels(peaks[i]), peakFloor) - Math.Max(Decibels(valleys[i]), valleyFloor));
    }

    internal static double Decibels(double value) => 10.0 * Math.Log10(Math.Max(1e-10, value));

    internal static double DecibelFloor(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values) max = Math.Max(max, Decibels(v));
        return max - 80.0;
    }

    // The `count` smallest and largest values of `band` (count is small: 1..~15), by insertion
    // into two short sorted lists. Once both lists are full, most values are rejected: a whole
    // vector of bins is skipped with two SIMD comparisons when none of them would enter a list.
    private static void SelectExtremes(ReadOnlySpan<float> band, int count, float[] lowest, float[] highest)
    {
        var filled = 0;
        var i = 0;
        for (; i < band.Length && filled < count; i++)
        {
            InsertAscending(lowest, filled, band[i]);
            InsertDescending(highest, filled, band[i]);
            filled++;
        }
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<float>.Count;
            for (; i <= band.Length - width; i += width)
            {
                var values = new Vector<float>(band.Slice(i, width));
                if (!Vector.LessThanAny(values, new Vector<float>(lowest[count - 1]))
                    && !Vector.GreaterThanAny(values, new Vector<float>(highest[count - 1])))
                    continue;
                for (var j = i; j < i + width; j++) Offer(band[j], count, lowest, highest);
            }
        }
        for (; i < band.Length; i++) Offer(band[i], count, lowest, highest);
    }

    private static void Offer(float v, int count, float[] lowest, float[] highest)
    {
        if (v < lowest[count - 1]) InsertAscending(lowest, count - 1, v);
        if (v > highest[count - 1]) InsertDescending(highest, count - 1, v);
    }

    private static void InsertAscending(float[] list, int length, float v)
    {
        var j = length;
        while (j > 0 && list[j - 1] > v) { list[j] = list[j - 1]; j--; }
        list[j] = v;
    }

    private static void InsertDescending(float[] list, int length, float v)
    {
        var j = length;
        while (j > 0 && list[j - 1] < v) { list[j] = list[j - 1]; j--; }
        list[j] = v;
    }
}
