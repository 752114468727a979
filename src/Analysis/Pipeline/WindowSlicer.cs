using GenreOrleans.Analysis.Model;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Cuts a track's log-mel into model windows of <see cref="WindowParameters.FramesPerWindow"/>
/// frames every <see cref="WindowParameters.WindowHop"/> frames (further apart, up to one window length, when that
/// would give more than <see cref="WindowParameters.MaxWindows"/>). A track shorter than one window
/// is repeated to fill it (as training does), so even a 2-second clip gets one window.
/// </summary>
public static class WindowSlicer
{
    /// <summary>Frame index where each window starts; the last window ends at the last frame.</summary>
    public static IReadOnlyList<int> Starts(int frames, WindowParameters window)
    {
        var length = window.FramesPerWindow;
        if (frames <= length)
            return new[] { 0 };
        var hop = window.WindowHop;
        if (window.MaxWindows > 1 && (frames - length + hop - 1) / hop + 1 > window.MaxWindows)
            hop = Math.Clamp((frames - length + window.MaxWindows - 2) / (window.MaxWindows - 1), hop, Math.Max(hop, length));
        var starts = new List<int>();
        for (var s = 0; s + length <= frames; s += hop)
            starts.Add(s);
        // Cover the tail too, so the timeline reaches the end of the track.
        if (starts[^1] + length < frames)
            starts.Add(frames - length);
        return starts;
    }

    /// <summary>Copies mel[:, start .. start + length) into destination as [bands, length], wrapping short tracks.</summary>
    public static void CopyWindow(FeatureMatrix mel, int start, int length, Span<float> destination)
    {
        for (var band = 0; band < mel.Rows; band++)
        {
            var row = mel.Row(band);
            var target = destination.Slice(band * length, length);
            for (var t = 0; t < length; t++)
                target[t] = row[(start + t) % row.Length];
        }
    }
}
