namespace GenreOrleans.Training.Training;

/// <summary>
/// Augmentations applied to a log-mel window (dB, [bands, frames]) and, consistently, to the
/// clip's summary (per-band mean and deviation): they imitate other sources and recordings
/// rather than other music. All of them are per-band affine maps in the dB domain, which is
/// why the summary can follow them exactly:
/// gain (a constant dB offset), EQ (a random smooth tilt and bump over the bands), band
/// limiting (bands above a random 5.5–11 kHz cutoff drop to the floor, like lossy encoders at
/// low bitrates), compression (each band's deviation around its mean shrinks), plus
/// SpecAugment-style time and frequency masks on the window only. Optionally a broadband
/// limiter (<see cref="MelLimiter"/>), the loud-master treatment that per-band compression
/// does not imitate; the summary follows it approximately (the window's own shift and spread).
/// </summary>
public sealed class SpectrogramAugmenter
{
    private readonly Random _random;
    private readonly double[] _bandCentreHz;
    private readonly MelLimiter _limiter;
    private readonly double _limiterProbability;
    private readonly double _tiltDb;
    private readonly double _compressionShare;

    /// <param name="limiterProbability">Share of windows that go through <see cref="MelLimiter"/>; 0 draws nothing for it.</param>
    /// <param name="tiltDb">Largest EQ tilt from the lowest to the highest band, ± dB (drawn for 70 % of windows).</param>
    /// <param name="compressionShare">Share of windows whose band dynamics are compressed.</param>
    public SpectrogramAugmenter(int bands, int sampleRate, int seed, double limiterProbability = 0, int hopLength = 512,
        double tiltDb = 6, double compressionShare = 0.3)
    {
        _tiltDb = tiltDb;
        _compressionShare = compressionShare;
        _random = new Random(seed);
        _bandCentreHz = SlaneyMel.BandCentres(bands, sampleRate / 2.0);
        _limiter = new MelLimiter((double)hopLength / sampleRate);
        _limiterProbability = limiterProbability;
    }

    /// <summary>Augments <paramref name="window"/> ([bands, frames]) and <paramref name="summary"/> ([2*bands]) in place.</summary>
    public void Apply(Span<float> window, Span<float> summary, int bands, int frames)
    {
        var offset = new float[bands];
        var gain = Uniform(-6, 6);
        var tilt = _random.NextDouble() < 0.7 ? Uniform(-_tiltDb, _tiltDb) : 0;
        var bumpCentre = Uniform(0, bands);
        var bumpGain = _random.NextDouble() < 0.5 ? Uniform(-6, 6) : 0;
        var bumpWidth = Uniform(4, 24);
        for (var b = 0; b < bands; b++)
        {
            var position = (double)b / (bands - 1) - 0.5;
            var bump = bumpGain * Math.Exp(-0.5 * Math.Pow((b - bumpCentre) / bumpWidth, 2));
            offset[b] = (float)(gain + tilt * position + bump);
        }
        var compression = _random.NextDouble() < _compressionShare ? (float)Uniform(0.55, 1.0) : 1f;
        var cutoffBand = bands;
        if (_random.NextDouble() < 0.3)
        {
            var cutoffHz = Uniform(5500, 11000);
            cutoffBand = Array.FindIndex(_bandCentreHz, f => f > cutoffHz) is var c and >= 0 ? c : bands;
        }

        var floor = float.MaxValue;
        foreach (var v in window)
            floor = Math.Min(floor, v);
        floor += gain > 0 ? 0 : (float)gain;

        for (var b = 0; b < bands; b++)
        {
            var row = window.Slice(b * frames, frames);
            if (b >= cutoffBand)
            {
                row.Fill(floor);
                summary[b] = floor;
                summary[bands + b] = 0;
                continue;
            }
            var mean = 0f;
            foreach (var v in row)
                mean += v;
            mean /= frames;
            for (var t = 0; t < frames; t++)
                row[t] = mean + compression * (row[t] - mean) + offset[b];
            summary[b] += offset[b];
            summary[bands + b] *= compression;
        }

        // Drawn only when enabled, so recipes without the limiter keep their random sequence.
        if (_limiterProbability > 0 && _random.NextDouble() < _limiterProbability)
            _limiter.Apply(window, summary, bands, frames, (float)Uniform(4, 14));

        if (_random.NextDouble() < 0.5)
            Mask(window, bands, frames, alongTime: true, maxWidth: frames / 8);
        if (_random.NextDouble() < 0.5)
            Mask(window, bands, frames, alongTime: false, maxWidth: bands / 10);
    }

    private void Mask(Span<float> window, int bands, int frames, bool alongTime, int maxWidth)
    {
        var width = _random.Next(1, maxWidth + 1);
        var extent = alongTime ? frames : bands;
        var start = _random.Next(0, extent - width + 1);
        var mean = 0f;
        foreach (var v in window)
            mean += v;
        mean /= window.Length;
        for (var b = 0; b < bands; b++)
        {
            for (var t = 0; t < frames; t++)
            {
                var i = alongTime ? t : b;
                if (i >= start && i < start + width)
                    window[b * frames + t] = mean;
            }
        }
    }

    private double Uniform(double low, double high) => low + (high - low) * _random.NextDouble();
}
