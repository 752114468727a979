namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Every per-frame feature of one clip (mono, 22,050 Hz, n_fft 2048, hop 512, centred frames),
/// each as features x frames, plus librosa's tempo and beats. Names follow the librosa reference
/// JSON files (see <see cref="Named"/>).
/// </summary>
public sealed record AudioFeatures(
    int SampleRate,
    int SampleCount,
    FeatureMatrix MelDb,
    FeatureMatrix Mfcc20,
    FeatureMatrix Mfcc13,
    FeatureMatrix Chroma,
    FeatureMatrix SpectralCentroid,
    FeatureMatrix SpectralBandwidth,
    FeatureMatrix SpectralRolloff,
    FeatureMatrix SpectralContrast,
    FeatureMatrix SpectralFlatness,
    FeatureMatrix ZeroCrossingRate,
    FeatureMatrix Rms,
    FeatureMatrix OnsetStrength,
    float[] BeatOnsetEnvelope,
    double Tuning,
    double TempoBpm,
    int[] BeatFrames)
{
    /// <summary>
    /// The clip's key-oriented pitch-class profile (12 values, index 0 = C) from
    /// <see cref="Tonal.PitchClassProfile"/>; not a librosa feature, so outside parity. Empty when not computed.
    /// </summary>
    public double[] PitchClassProfile { get; init; } = [];

    /// <summary>Number of analysis frames (columns of every matrix).</summary>
    public int FrameCount => Rms.Columns;

    /// <summary>Duration of the analysed audio.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)SampleCount / SampleRate);

    /// <summary>The per-frame features under librosa's reference names, in the reference files' order.</summary>
    public IEnumerable<(string Name, FeatureMatrix Values)> Named()
    {
        yield return ("onset_strength", OnsetStrength);
        yield return ("spectral_centroid", SpectralCentroid);
        yield return ("spectral_bandwidth", SpectralBandwidth);
        yield return ("spectral_rolloff", SpectralRolloff);
        yield return ("spectral_contrast", SpectralContrast);
        yield return ("zero_crossing_rate", ZeroCrossingRate);
        yield return ("mfcc_20", Mfcc20);
        yield return ("mfcc_13", Mfcc13);
        yield return ("chroma_stft", Chroma);
        yield return ("rms", Rms);
        yield return ("melspectrogram_db", MelDb);
        yield return ("spectral_flatness", SpectralFlatness);
    }
}
