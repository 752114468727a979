namespace GenreOrleans.Training.Training;

/// <summary>
/// A brick-wall limiter with make-up gain imitated on a log-mel window (dB, [bands, frames]):
/// what a loud modern master does to a mix. Frames whose broadband level comes within
/// <c>depth</c> dB of the window's loudest frame are pulled down to that ceiling, the gain
/// reduction recovers with a release time constant, and everything is then raised by
/// <c>depth</c> so the peaks stay where they were: the quiet parts come up, the transients
/// flatten. Unlike a per-band compression, one gain acts on all bands of a frame, as a
/// broadband limiter's does.
/// </summary>
public sealed class MelLimiter
{
    private readonly float _releasePerFrame;
    private float[] _frameLevel = [];
    private float[] _reduction = [];

    /// <param name="frameSeconds">Hop of the log-mel frames in seconds.</param>
    /// <param name="releaseSeconds">Time constant of the gain recovery.</param>
    public MelLimiter(double frameSeconds, double releaseSeconds = 0.08)
    {
        _releasePerFrame = (float)Math.Exp(-frameSeconds / releaseSeconds);
    }

    /// <summary>
    /// Limits <paramref name="window"/> in place by <paramref name="depth"/> dB and moves the
    /// clip summary ([per-band mean, per-band deviation]) by what the window's bands moved.
    /// </summary>
    public void Apply(Span<float> window, Span<float> summary, int bands, int frames, float depth)
    {
        if (_frameLevel.Length != frames)
        {
            _frameLevel = new float[frames];
            _reduction = new float[frames];
        }

        // Broadband level per frame: the power sum over bands, in dB.
        var loudest = float.NegativeInfinity;
        for (var t = 0; t < frames; t++)
        {
            double power = 0;
            for (var b = 0; b < bands; b++)
                power += Math.Pow(10, window[b * frames + t] / 10.0);
            _frameLevel[t] = (float)(10 * Math.Log10(Math.Max(power, 1e-30)));
            loudest = Math.Max(loudest, _frameLevel[t]);
        }

        // Instant attack, exponential release: a frame's reduction is at least the decayed reduction of the frame before.
        var ceiling = loudest - depth;
        var previous = 0f;
        for (var t = 0; t < frames; t++)
        {
            var over = Math.Max(0f, _frameLevel[t] - ceiling);
            previous = Math.Max(over, previous * _releasePerFrame);
            _reduction[t] = previous;
        }

        for (var b = 0; b < bands; b++)
        {
            var row = window.Slice(b * frames, frames);
            double sumBefore = 0, squaresBefore = 0, sumAfter = 0, squaresAfter = 0;
            for (var t = 0; t < frames; t++)
            {
                var before = row[t];
                var after = before - _reduction[t] + depth;
                row[t] = after;
                sumBefore += before;
                squaresBefore += before * before;
                sumAfter += after;
                squaresAfter += after * after;
            }
            var deviationBefore = Deviation(sumBefore, squaresBefore, frames);
            var deviationAfter = Deviation(sumAfter, squaresAfter, frames);
            summary[b] += (float)((sumAfter - sumBefore) / frames);
            if (deviationBefore > 1e-6)
                summary[bands + b] *= (float)(deviationAfter / deviationBefore);
        }
    }

    private static double Deviation(double sum, double squares, int count)
    {
        var mean = sum / count;
        return Math.Sqrt(Math.Max(0, squares / count - mean * mean));
    }
}
