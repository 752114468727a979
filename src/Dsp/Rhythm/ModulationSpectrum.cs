using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// A track's fluctuation pattern (after Pampalk's "fluctuation patterns"): how strongly the
/// loudness of each of <see cref="Regions"/> frequency regions fluctuates at each of
/// <see cref="Rates"/> log-spaced modulation rates from 0.5 to 20 Hz, averaged over 3-s windows.
/// A kick on every beat, rolling breakbeats, a 303 line's 16th notes and a pad's slow swell land
/// in different cells. Only the mel bands below about 4.7 kHz are read: most training clips are
/// band-limited MP3s whose top bands are empty, and a full-band master must not look different
/// for that alone. Two blocks: each region's modulation power as a share of its total (log), which
/// no gain, EQ or compression changes, and the absolute log power (in dB² per window), which
/// carries how dynamic the region is.
/// </summary>
public sealed class ModulationSpectrum
{
    public const int Regions = 12;
    public const int Rates = 12;
    public const int BandsRead = 96;
    public const int WindowFrames = 128;
    public const int HopFrames = 64;
    public const double LowestRateHz = 0.5;
    public const double HighestRateHz = 20;

    // Keeps the log finite for silent regions (a constant dB level has no modulation at all).
    private const double PowerFloor = 1e-6;

    private readonly RealFft _fft = new(WindowFrames);
    private readonly double[] _window = HannWindow.Periodic(WindowFrames);
    private readonly double[] _frame = new double[WindowFrames];
    private readonly double[] _re = new double[WindowFrames / 2 + 1];
    private readonly double[] _im = new double[WindowFrames / 2 + 1];
    private readonly double[] _power = new double[Regions * Rates];
    private readonly double[] _region = new double[WindowFrames];
    private readonly int[] _rateBandOfBin = new int[WindowFrames / 2 + 1];

    /// <param name="frameRate">Frames per second of the spectrograms this instance reads.</param>
    public ModulationSpectrum(double frameRate)
    {
        for (var k = 0; k < _rateBandOfBin.Length; k++)
            _rateBandOfBin[k] = k == 0 ? -1 : RateBand(k * frameRate / WindowFrames);
    }

    /// <summary>Length of the vector: the share block and the absolute block.</summary>
    public static int Length => 2 * Regions * Rates;

    /// <summary>Element names, e.g. <c>fluctuation.share.r03.m07</c>, in vector order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        new[] { "share", "power" }
            .SelectMany(block => Enumerable.Range(0, Regions)
                .SelectMany(r => Enumerable.Range(0, Rates).Select(m => $"fluctuation.{block}.r{r:D2}.m{m:D2}")))
            .ToList();

    /// <summary>
    /// Writes the pattern of a log-mel spectrogram (dB, at least <see cref="BandsRead"/> bands, at the
    /// frame rate given to the constructor) into <paramref name="pattern"/>. A track shorter than one
    /// window gives the floor everywhere.
    /// </summary>
    public void Compute(FeatureMatrix melDb, Span<float> pattern)
    {
        if (pattern.Length != Length)
            throw new ArgumentException($"the pattern needs {Length} values", nameof(pattern));
        if (melDb.Rows < BandsRead)
            throw new ArgumentException($"the pattern reads {BandsRead} mel bands, got {melDb.Rows}", nameof(melDb));
        Array.Clear(_power);
        var windows = 0;
        for (var start = 0; start + WindowFrames <= melDb.Columns; start += HopFrames)
        {
            windows++;
            for (var region = 0; region < Regions; region++)
                AccumulateRegion(melDb, start, region);
        }
        var perWindow = 1.0 / Math.Max(1, windows);
        for (var region = 0; region < Regions; region++)
        {
            var row = _power.AsSpan(region * Rates, Rates);
            double total = 0;
            foreach (var value in row)
                total += value;
            for (var rate = 0; rate < Rates; rate++)
            {
                var share = total > 0 ? row[rate] / total : 0;
                pattern[region * Rates + rate] = (float)Math.Log(PowerFloor + share);
                pattern[Regions * Rates + region * Rates + rate] = (float)Math.Log(PowerFloor + row[rate] * perWindow);
            }
        }
    }

    /// <summary>The modulation-rate band (0 .. Rates-1) of a rate in Hz, or -1 outside 0.5–20 Hz.</summary>
    public static int RateBand(double hz)
    {
        if (!(hz >= LowestRateHz) || hz >= HighestRateHz)
            return -1;
        var band = (int)(Rates * Math.Log(hz / LowestRateHz) / Math.Log(HighestRateHz / LowestRateHz));
        return Math.Clamp(band, 0, Rates - 1);
    }

    private void AccumulateRegion(FeatureMatrix melDb, int start, int region)
    {
        // The region's loudness curve is the mean dB of its bands; its mean is removed so that
        // the level does not leak into the lowest rates through the window's spectrum.
        int firstBand = region * BandsRead / Regions, endBand = (region + 1) * BandsRead / Regions;
        Array.Clear(_region);
        for (var band = firstBand; band < endBand; band++)
        {
            var row = melDb.Row(band).Slice(start, WindowFrames);
            for (var t = 0; t < WindowFrames; t++)
                _region[t] += row[t];
        }
        double mean = 0;
        for (var t = 0; t < WindowFrames; t++)
            mean += _region[t];
        mean /= WindowFrames;
        var scale = 1.0 / (endBand - firstBand);
        for (var t = 0; t < WindowFrames; t++)
            _frame[t] = (_region[t] - mean) * scale * _window[t];
        _fft.Forward(_frame, _re, _im);
        for (var k = 1; k < _re.Length; k++)
        {
            var band = _rateBandOfBin[k];
            if (band >= 0)
                _power[region * Rates + band] += _re[k] * _re[k] + _im[k] * _im[k];
        }
    }
}
