namespace GenreOrleans.Training.Training;

/// <summary>
/// Shifts a log-mel window (dB, [bands, frames]) and the clip's per-band summary (means, then
/// deviations) by a fraction of a semitone or more: every band takes the value at its centre
/// frequency divided by 2^(semitones/12), read between the two nearest bands of the source.
/// The Slaney mel scale is linear below 1 kHz and logarithmic above, so the shift is not a whole
/// number of bands anywhere; it is computed per band. Bands whose source lies outside the bank
/// repeat the edge band. Tracks are mastered a little sharp or flat, and DJs pitch records by a
/// few percent: a genre must not depend on it.
/// </summary>
public sealed class MelPitchShifter
{
    private readonly int _bands;
    private readonly double[] _centreHz;
    private readonly double _topMel;
    private readonly int[] _lower;
    private readonly float[] _upperWeight;
    private readonly float[] _source;

    public MelPitchShifter(int bands, int frames, int sampleRate)
    {
        _bands = bands;
        _topMel = SlaneyMel.FromHz(sampleRate / 2.0);
        _centreHz = SlaneyMel.BandCentres(bands, sampleRate / 2.0);
        _lower = new int[bands];
        _upperWeight = new float[bands];
        _source = new float[bands * frames]; // a copy of the window; the summary's halves (bands each) fit too
    }

    /// <summary>Shifts <paramref name="window"/> ([bands, frames]) and <paramref name="summary"/> ([2*bands]) by <paramref name="semitones"/> in place.</summary>
    public void Apply(Span<float> window, Span<float> summary, int frames, double semitones)
    {
        var ratio = Math.Pow(2, -semitones / 12);
        for (var b = 0; b < _bands; b++)
        {
            // Band i's centre sits at mel top·(i+1)/(bands+1), so a frequency's fractional band index is:
            var index = SlaneyMel.FromHz(_centreHz[b] * ratio) * (_bands + 1) / _topMel - 1;
            index = Math.Clamp(index, 0, _bands - 1);
            var lower = Math.Min((int)index, _bands - 2);
            _lower[b] = lower;
            _upperWeight[b] = (float)(index - lower);
        }

        var source = _source.AsSpan(0, _bands * frames);
        window.CopyTo(source);
        for (var b = 0; b < _bands; b++)
        {
            var low = source.Slice(_lower[b] * frames, frames);
            var high = source.Slice((_lower[b] + 1) * frames, frames);
            var target = window.Slice(b * frames, frames);
            var w = _upperWeight[b];
            for (var t = 0; t < frames; t++)
                target[t] = low[t] + w * (high[t] - low[t]);
        }

        for (var half = 0; half < 2; half++)
        {
            var values = summary.Slice(half * _bands, _bands);
            var copy = _source.AsSpan(0, _bands);
            values.CopyTo(copy);
            for (var b = 0; b < _bands; b++)
                values[b] = copy[_lower[b]] + _upperWeight[b] * (copy[_lower[b] + 1] - copy[_lower[b]]);
        }
    }
}
