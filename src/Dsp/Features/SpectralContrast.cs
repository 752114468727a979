using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    // The `count` smallest and largest values of `band` (count is small: 1..~15) as two sorted
    // lists, the same values in the same order as a full sort would give. SIMD pass one takes
    // per-lane extremes over strided groups of bins (8 groups, or 16 when count > 8): the
    // smallest group maximum is reached by at least as many bins as there are groups, so every
    // one of the `count` largest bins is at or above it (likewise below for the smallest). Pass
    // two skips every vector with no bin beyond either bound and offers only the lanes that
    // are; once a list is full its bound tightens to its last entry.
    private static void SelectExtremes(ReadOnlySpan<float> band, int count, float[] lowest, float[] highest)
    {
        const int width = 8;
        if (!Vector256.IsHardwareAccelerated || count > 2 * width || band.Length < 2 * width)
        {
            SelectByInsertion(band, count, lowest, highest);
            return;
        }
        ref var start = ref MemoryMarshal.GetReference(band);
        var max0 = Vector256.LoadUnsafe(ref start);
        var max1 = Vector256.LoadUnsafe(ref start, (nuint)width);
        var min0 = max0;
        var min1 = max1;
        var i = 2 * width;
        for (; i <= band.Length - 2 * width; i += 2 * width)
        {
            var v0 = Vector256.LoadUnsafe(ref start, (nuint)i);
            var v1 = Vector256.LoadUnsafe(ref start, (nuint)(i + width));
            max0 = Vector256.Max(max0, v0);
            max1 = Vector256.Max(max1, v1);
            min0 = Vector256.Min(min0, v0);
            min1 = Vector256.Min(min1, v1);
        }
        float low, high;
        if (count == 1)
        {
            // The extremes themselves (the tail of the band included).
            low = MinOf(Vector256.Min(min0, min1));
            high = MaxOf(Vector256.Max(max0, max1));
            for (; i < band.Length; i++) { low = Math.Min(low, band[i]); high = Math.Max(high, band[i]); }
            lowest[0] = low;
            highest[0] = high;
            return;
        }
        if (count <= width)
        {
            high = MinOf(Vector256.Max(max0, max1));
            low = MaxOf(Vector256.Min(min0, min1));
        }
        else
        {
            high = MinOf(Vector256.Min(max0, max1));
            low = MaxOf(Vector256.Max(min0, min1));
        }

        int lowFilled = 0, highFilled = 0;
        var lowBound = Vector256.Create(low);
        var highBound = Vector256.Create(high);
        for (i = 0; i <= band.Length - width; i += width)
        {
            var values = Vector256.LoadUnsafe(ref start, (nuint)i);
            var lanes = Vector256.LessThanOrEqual(values, lowBound).ExtractMostSignificantBits();
            if (lanes != 0)
            {
                for (; lanes != 0; lanes &= lanes - 1)
                    OfferLow(band[i + BitOperations.TrailingZeroCount(lanes)], count, lowest, ref lowFilled);
                if (lowFilled == count) lowBound = Vector256.Create(low = MathF.BitDecrement(lowest[count - 1]));
            }
            lanes = Vector256.GreaterThanOrEqual(values, highBound).ExtractMostSignificantBits();
            if (lanes != 0)
            {
                for (; lanes != 0; lanes &= lanes - 1)
                    OfferHigh(band[i + BitOperations.TrailingZeroCount(lanes)], count, highest, ref highFilled);
                if (highFilled == count) highBound = Vector256.Create(high = MathF.BitIncrement(highest[count - 1]));
            }
        }
        for (; i < band.Length; i++)
        {
            if (band[i] <= low) OfferLow(band[i], count, lowest, ref lowFilled);
            if (band[i] >= high) OfferHigh(band[i], count, highest, ref highFilled);
        }
    }

    private static void OfferLow(float v, int count, float[] lowest, ref int filled)
    {
        if (filled < count) InsertAscending(lowest, filled++, v);
        else if (v < lowest[count - 1]) InsertAscending(lowest, count - 1, v);
    }

    private static void OfferHigh(float v, int count, float[] highest, ref int filled)
    {
        if (filled < count) InsertDescending(highest, filled++, v);
        else if (v > highest[count - 1]) InsertDescending(highest, count - 1, v);
    }

    private static float MinOf(Vector256<float> v)
    {
        var m = v[0];
        for (var i = 1; i < Vector256<float>.Count; i++) m = Math.Min(m, v[i]);
        return m;
    }

    private static float MaxOf(Vector256<float> v)
    {
        var m = v[0];
        for (var i = 1; i < Vector256<float>.Count; i++) m = Math.Max(m, v[i]);
        return m;
    }

    // Plain selection (short bands, no SIMD): every bin is offered to the two lists.
    private static void SelectByInsertion(ReadOnlySpan<float> band, int count, float[] lowest, float[] highest)
    {
        var filled = 0;
        var i = 0;
        for (; i < band.Length && filled < count; i++)
        {
            InsertAscending(lowest, filled, band[i]);
            InsertDescending(highest, filled, band[i]);
            filled++;
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
