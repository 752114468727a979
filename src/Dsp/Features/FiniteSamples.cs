namespace GenreOrleans.Dsp.Features;

/// <summary>
/// Replaces NaN and infinite samples by silence before analysis, so that one corrupt sample
/// cannot turn a whole spectrogram (and every summary statistic) into NaN. Values beyond ±1
/// are left alone: decoders legitimately produce them and librosa never clips.
/// </summary>
internal sealed class FiniteSamples
{
    private float[] _copy = [];

    /// <summary>The input itself when every sample is finite, else a cleaned copy (buffer reused).</summary>
    public ReadOnlySpan<float> Clean(ReadOnlySpan<float> samples)
    {
        var firstBad = IndexOfNonFinite(samples);
        if (firstBad < 0) return samples;
        if (_copy.Length < samples.Length) _copy = new float[samples.Length];
        var copy = _copy.AsSpan(0, samples.Length);
        samples.CopyTo(copy);
        for (var i = firstBad; i < copy.Length; i++)
            if (!float.IsFinite(copy[i])) copy[i] = 0f;
        return copy;
    }

    private static int IndexOfNonFinite(ReadOnlySpan<float> samples)
    {
        for (var i = 0; i < samples.Length; i++)
            if (!float.IsFinite(samples[i])) return i;
        return -1;
    }
}
