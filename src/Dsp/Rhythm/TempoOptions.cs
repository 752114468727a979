namespace GenreOrleans.Dsp.Rhythm;

/// <summary>Configuration of <see cref="TempoEstimator"/>.</summary>
public sealed class TempoOptions
{
    /// <summary>Sample rate of the audio the onset envelope was computed from.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>Hop between onset envelope frames, in samples.</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>Slowest tempo reported. 70 keeps downtempo and hip hop at their felt pace.</summary>
    public double MinBpm { get; init; } = 70;

    /// <summary>Fastest tempo reported. 200 leaves room for jungle, drum and bass and hardcore.</summary>
    public double MaxBpm { get; init; } = 200;

    /// <summary>
    /// Centre of the weak log-normal preference used only to break near ties between octaves,
    /// in BPM. The music's own evidence (beat-grid support, onset spectrum) decides first.
    /// </summary>
    public double PreferredBpm { get; init; } = 120;

    /// <summary>Width of that preference, in octaves (one standard deviation).</summary>
    public double PreferenceWidthOctaves { get; init; } = 0.7;

    /// <summary>
    /// Exponent of the autocorrelation evidence in a hypothesis' score. Above 1 trusts the
    /// autocorrelation (which leans slow) more than the onset spectrum (which leans fast).
    /// </summary>
    public double AutocorrelationWeight { get; init; } = 2.0;

    /// <summary>Exponent of the onset-spectrum evidence in a hypothesis' score.</summary>
    public double SpectrumWeight { get; init; } = 1.0;

    /// <summary>
    /// How strongly the backbeat band (snares, claps) settles octaves when its envelope is given:
    /// a hypothesis' score is multiplied by 1 + weight x backbeat contrast (0 switches it off).
    /// </summary>
    public double BackbeatWeight { get; init; } = 8.0;

    /// <summary>
    /// Re-decides the beat level among the best hypothesis' metrical relatives when the mid band
    /// is given (see <see cref="MetricalLevelModel"/>); null leaves the choice to the grid score.
    /// </summary>
    public MetricalLevelModel? LevelModel { get; init; } = MetricalLevelModel.Default;

    /// <summary>Envelope frames per second implied by <see cref="SampleRate"/> and <see cref="HopLength"/>.</summary>
    public double FrameRate => (double)SampleRate / HopLength;
}
