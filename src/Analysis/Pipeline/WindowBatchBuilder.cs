using GenreOrleans.Analysis.Model;
using GenreOrleans.Dsp.Features;

namespace GenreOrleans.Analysis.Pipeline;

/// <summary>Turns a track's log-mel and summary into the <see cref="WindowBatch"/> the model scores.</summary>
public static class WindowBatchBuilder
{
    public static WindowBatch Build(FeatureMatrix mel, float[] summary, WindowParameters window, IReadOnlyList<int> starts)
    {
        var length = window.FramesPerWindow;
        var size = mel.Rows * length;
        var data = new float[starts.Count * size];
        var summaries = new float[starts.Count * summary.Length];
        for (var w = 0; w < starts.Count; w++)
        {
            WindowSlicer.CopyWindow(mel, starts[w], length, data.AsSpan(w * size, size));
            summary.CopyTo(summaries.AsSpan(w * summary.Length, summary.Length));
        }
        return new WindowBatch(data, summaries, starts.Count, mel.Rows, length, summary.Length);
    }
}
