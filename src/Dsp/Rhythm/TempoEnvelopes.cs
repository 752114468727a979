using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Spectral;

namespace GenreOrleans.Dsp.Rhythm;

/// <summary>
/// The onset envelopes <see cref="TempoEstimator"/> reads: the full-band onset strength (as
/// librosa's onset_strength: mean over mel bands of the positive dB rise from the previous
/// frame), and the same measure restricted to the kick band (below 150 Hz) and to the
/// backbeat band where snares and claps live (150 Hz to 4 kHz).
/// </summary>
public sealed record TempoEnvelopes(float[] Onset, float[] LowBand, float[] MidBand)
{
    public const double LowBandTopHz = 150;
    public const double MidBandTopHz = 4000;

    /// <summary>
    /// Computes the three envelopes from a Slaney mel spectrogram in dB (bands x frames, mel
    /// bands spread from 0 Hz to half the sample rate, as <see cref="LogMelSpectrogram"/> makes it).
    /// </summary>
    public static TempoEnvelopes FromLogMel(FeatureMatrix melDb, int sampleRate = 22050)
    {
        ArgumentNullException.ThrowIfNull(melDb);
        var bands = melDb.Rows;
        var frames = melDb.Columns;
        var lowTop = BandBelow(LowBandTopHz, bands, sampleRate);
        var midTop = BandBelow(MidBandTopHz, bands, sampleRate);
        var onset = new float[frames];
        var low = new float[frames];
        var mid = new float[frames];
        for (var band = 0; band < bands; band++)
        {
            var row = melDb.Row(band);
            for (var t = 1; t < frames; t++)
            {
                var rise = row[t] - row[t - 1];
                if (!(rise > 0))
                    continue;
                onset[t] += rise;
                if (band <= lowTop) low[t] += rise;
                else if (band <= midTop) mid[t] += rise;
            }
        }
        for (var t = 0; t < frames; t++)
        {
            onset[t] /= bands;
            low[t] /= lowTop + 1;
            mid[t] /= Math.Max(1, midTop - lowTop);
        }
        return new TempoEnvelopes(onset, low, mid);
    }

    /// <summary>The last mel band whose centre lies below <paramref name="hz"/>.</summary>
    private static int BandBelow(double hz, int bands, int sampleRate)
    {
        var top = MelScale.HzToMel(sampleRate / 2.0);
        var mel = MelScale.HzToMel(hz);
        // Band b is centred on mel (b + 1) * top / (bands + 1).
        var band = (int)Math.Floor(mel * (bands + 1) / top) - 1;
        return Math.Clamp(band, 0, bands - 1);
    }
}
