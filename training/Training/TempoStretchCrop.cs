using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Training.Training;

/// <summary>
/// Cuts a training window out of a clip's log-mel at another tempo: <c>frames × rate</c> frames
/// of the clip squeezed (rate &gt; 1, faster) or spread (rate &lt; 1, slower) onto the window's
/// frames by linear interpolation along time. A few percent of tempo is how far the same genre's
/// tracks (and a DJ's pitch fader) move; the spectrum of each frame is left as it is.
/// </summary>
public sealed class TempoStretchCrop
{
    private readonly int _bands;
    private readonly float[] _source;

    /// <param name="maxRate">The largest rate that will be asked for (sizes the scratch buffer).</param>
    public TempoStretchCrop(int bands, int frames, double maxRate)
    {
        _bands = bands;
        _source = new float[bands * SourceFrames(frames, maxRate)];
    }

    /// <summary>Frames of the clip that a window of <paramref name="frames"/> at <paramref name="rate"/> reads.</summary>
    public static int SourceFrames(int frames, double rate) => Math.Max(2, (int)Math.Round(frames * rate));

    /// <summary>Fills <paramref name="window"/> ([bands, frames]) from <paramref name="sourceFrames"/> frames of <paramref name="mel"/> from <paramref name="start"/> (wrapping like <see cref="WindowSlicer.CopyWindow"/>).</summary>
    public void Copy(FeatureMatrix mel, int start, int sourceFrames, Span<float> window, int frames)
    {
        var source = _source.AsSpan(0, _bands * sourceFrames);
        WindowSlicer.CopyWindow(mel, start, sourceFrames, source);
        // Frame t's centre maps to source position (t + ½)·sourceFrames/frames − ½ (centres align, ends too).
        var step = (double)sourceFrames / frames;
        for (var t = 0; t < frames; t++)
        {
            var position = Math.Clamp((t + 0.5) * step - 0.5, 0, sourceFrames - 1);
            var lower = Math.Min((int)position, sourceFrames - 2);
            var w = (float)(position - lower);
            for (var b = 0; b < _bands; b++)
            {
                var row = source.Slice(b * sourceFrames, sourceFrames);
                window[b * frames + t] = row[lower] + w * (row[lower + 1] - row[lower]);
            }
        }
    }
}
