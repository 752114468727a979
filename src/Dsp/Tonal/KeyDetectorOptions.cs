namespace GenreOrleans.Dsp.Tonal;

/// <summary>Configuration of <see cref="KeyDetector"/>.</summary>
public sealed class KeyDetectorOptions
{
    /// <summary>Which key profiles the clip's pitch-class profile is compared with: our fitted pair by default, or a published one.</summary>
    public KeyProfile Profile { get; init; } = KeyProfile.Fitted;

    /// <summary>
    /// Exponent applied to each frame's chroma before summing. Values below 1 compress the
    /// strongest pitch classes so that a loud bass note or one held chord does not decide alone.
    /// </summary>
    public double Compression { get; init; } = 1.0;
}
