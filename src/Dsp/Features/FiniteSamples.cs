namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Replaces NaN and infinite samples by silence before analysis, so that one corrupt sample
/// cannot turn a whole spectrogram (and every summary statistic) into NaN. Values beyond ±1
/// are left alone (decoders legitimately produce them and librosa never clips); only absurd
/// magnitudes beyond ±<see cref="Limit"/>, which would overflow float32 power spectra, are
/// limited to it.
/// </summary>
internal sealed class FiniteSamples
{
    /// <summary>Largest magnitude analysed; 10^6 is 120 dB above full scale.</summary>
    public const float Limit = 1e6f;

    private float[] _copy = [];

    /// <summary>The input itself when every sample is finite and within the limit, else a cleaned copy (buffer reused).</summary>
    public ReadOnlySpan<float> Clean(ReadOnlySpan<float> samples)
    {
        var firstBad = IndexOfNonFinite(samples);
        if (firstBad < 0) return samples;
        if (_copy.Length < samples.Length) _copy = new float[samples.Length];
        var copy = _copy.AsSpan(0, samples.Length);
        samples.CopyTo(copy);
        for (var i = firstBad; i < copy.Length; i++)
            copy[i] = float.IsFinite(copy[i]) ? Math.Clamp(copy[i], -Limit, Limit) : 0f;
        return copy;
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> samples)
    {
        for (var i = 0; i < samples.Length; i++)
            if (!(Math.Abs(samples[i]) <= Limit)) return i;
        return -1;
    }
}
