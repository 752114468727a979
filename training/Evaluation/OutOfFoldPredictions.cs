using System.Text.Json;
using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// What <c>cross-validate --predictions</c> writes and <c>calibrate</c> reads: every validation clip's
/// scores before fusion, from the fold model that did not train on it. The files of folds run as
/// separate processes merge into one set.
/// </summary>
public sealed record OutOfFoldPredictions(int Seed, int Folds, IReadOnlyList<string> Genres, IReadOnlyList<OutOfFoldClip> Clips)
{
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, ModelManifest.JsonOptions));

    public static OutOfFoldPredictions Read(string path) =>
        JsonSerializer.Deserialize<OutOfFoldPredictions>(File.ReadAllText(path), ModelManifest.JsonOptions)
        ?? throw new InvalidDataException($"{path} is empty");

    /// <summary>One set from the files of one cross-validation (same seed, folds and labels; each clip once).</summary>
    public static OutOfFoldPredictions Merge(IReadOnlyList<OutOfFoldPredictions> parts)
    {
        if (parts.Count == 0)
            throw new ArgumentException("no predictions to merge");
        var first = parts[0];
        if (parts.Any(p => p.Seed != first.Seed || p.Folds != first.Folds || !p.Genres.SequenceEqual(first.Genres)))
            throw new InvalidDataException("the predictions come from different cross-validations (seed, folds or genres differ)");
        var clips = parts.SelectMany(p => p.Clips).ToList();
        if (clips.GroupBy(c => c.File).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new InvalidDataException($"{repeated.Key} is predicted more than once (the same fold in two files?)");
        return first with { Clips = clips };
    }

    /// <summary>
    /// The clips by file, checked to come from the cross-validation that <paramref name="seed"/>,
    /// <paramref name="folds"/> and <paramref name="genres"/> describe and to cover every one of <paramref name="files"/>
    /// (so another run's head can be fused with these network scores, clip for clip).
    /// </summary>
    public IReadOnlyDictionary<string, OutOfFoldClip> ByFileCovering(int seed, int folds, IReadOnlyList<string> genres, IEnumerable<string> files)
    {
        if (Seed != seed || Folds != folds)
            throw new InvalidDataException($"the predictions come from {Folds} folds with seed {Seed}, not {folds} with seed {seed}");
        RequireGenres(genres, "this manifest's");
        var byFile = Clips.ToDictionary(c => c.File);
        if (files.FirstOrDefault(f => !byFile.ContainsKey(f)) is { } missing)
            throw new InvalidDataException($"no score for {missing} (give every fold's file)");
        return byFile;
    }

    /// <summary>
    /// Throws unless the predictions' genres are <paramref name="genres"/> in the same order: the scores
    /// are read by index, so another label set would silently score the wrong genres.
    /// </summary>
    public void RequireGenres(IReadOnlyList<string> genres, string whose)
    {
        if (!Genres.SequenceEqual(genres))
            throw new InvalidDataException($"the predictions' genres are not {whose} labels: they come from another dataset");
    }

    /// <summary>The folds the clips come from, in order.</summary>
    public IReadOnlyList<int> FoldsCovered() => Clips.Select(c => c.Fold).Distinct().Order().ToList();
}

/// <summary>One clip's out-of-fold scores: the network's aggregated genre distribution, the descriptor head's, and the novelty flag.</summary>
public sealed record OutOfFoldClip(int Fold, string File, string Genre, float[] Network, float[] Head, bool Unfamiliar);
