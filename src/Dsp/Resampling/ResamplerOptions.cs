namespace GenreOrleans.Dsp.Resampling;

/// <summary>
/// Filter design of <see cref="Resampler"/>. The defaults match soxr's "HQ" recipe: pass band flat to
/// 91.3 % of the lower Nyquist frequency, stop band from that Nyquist frequency on, attenuated by about 120 dB.
/// </summary>
public sealed record ResamplerOptions
{
    /// <summary>End of the pass band as a fraction of the lower of the two Nyquist frequencies.</summary>
    public double PassbandEnd { get; init; } = 0.913;

    /// <summary>Stop-band attenuation in dB; sets the Kaiser window's beta and the filter length.</summary>
    public double StopbandAttenuationDb { get; init; } = 120;

    /// <summary>Most polyphase filters kept exactly; beyond it phases are interpolated from a finer table.</summary>
    public int MaxExactPhases { get; init; } = 2048;

    public static ResamplerOptions HighQuality { get; } = new();
}
