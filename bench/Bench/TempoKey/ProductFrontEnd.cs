using GenreOrleans.Dsp.Features;
using GenreOrleans.Dsp.Rhythm;

namespace GenreOrleans.Bench.TempoKey;

/// <summary>
/// The evaluation's front end is the product's: FeatureExtractor (mel dB, chroma_stft with
/// librosa's tuning estimate, RMS, the key pitch-class profile) and the tempo envelopes computed from its mel spectrogram.
/// </summary>
internal sealed class ProductFrontEnd
{
    public const int SampleRate = 22050;

    private readonly FeatureExtractor _extractor = new();

    public sealed record Features(float[] Onset, float[] LowOnset, float[] MidOnset, float[] Chroma, float[] Rms, int Frames, double Tuning, float[] Samples, double[] PitchClassProfile);

    public Features Compute(float[] samples)
    {
        var features = _extractor.Extract(samples);
        var envelopes = TempoEnvelopes.FromLogMel(features.MelDb, SampleRate);
        return new Features(envelopes.Onset, envelopes.LowBand, envelopes.MidBand, features.Chroma.Data, features.Rms.Data, features.FrameCount, features.Tuning, samples, features.PitchClassProfile);
    }
}
