using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Training.Data;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// Scores clips exactly as the product does (same windows, same <see cref="InferenceSession"/>),
/// batching the windows of several clips per forward pass, and keeps each clip's per-window
/// genre probabilities so different aggregations can be compared.
/// </summary>
public static class ClipScorer
{
    public static float[][] WindowProbabilities(InferenceSession session, IReadOnlyList<ClipFeatures> clips, int windowsPerPass = 256)
    {
        var result = new float[clips.Count][];
        var pending = new List<(int Clip, WindowBatch Batch)>();
        var pendingWindows = 0;
        void Flush()
        {
            if (pending.Count == 0)
                return;
            var scores = session.ScoreAsync(WindowBatch.Concat(pending.Select(p => p.Batch).ToList())).GetAwaiter().GetResult();
            var offset = 0;
            foreach (var (clip, batch) in pending)
            {
                result[clip] = scores.Genres.AsSpan(offset * scores.GenreCount, batch.WindowCount * scores.GenreCount).ToArray();
                offset += batch.WindowCount;
            }
            pending.Clear();
            pendingWindows = 0;
        }
        for (var i = 0; i < clips.Count; i++)
        {
            var mel = clips[i].Mel;
            var batch = WindowBatchBuilder.Build(mel, clips[i].Summary, session.Window, WindowSlicer.Starts(mel.Columns, session.Window));
            pending.Add((i, batch));
            pendingWindows += batch.WindowCount;
            if (pendingWindows >= windowsPerPass)
                Flush();
        }
        Flush();
        return result;
    }

    public static List<ClipPrediction> Aggregate(
        IReadOnlyList<float[]> windowProbabilities, IReadOnlyList<int> trueGenres, LabelMap labels, ScoreAggregation aggregation) =>
        windowProbabilities.Select((p, i) => ClipPrediction.Of(trueGenres[i], ScoreAggregator.Aggregate(p, labels.GenreCount, aggregation), labels)).ToList();
}
