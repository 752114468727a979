using GenreOrleans.Analysis.Model;
using GenreOrleans.Training.Training;

namespace GenreOrleans.Training.Data;

/// <summary>A manifest with its label map and every clip's cached features, ready to split.</summary>
public sealed class PreparedDataset
{
    private PreparedDataset(TrainingManifest manifest, LabelMap labels, IReadOnlyList<TrainingClip> clips)
    {
        Manifest = manifest;
        Labels = labels;
        Clips = clips;
    }

    public TrainingManifest Manifest { get; }

    public LabelMap Labels { get; }

    public IReadOnlyList<TrainingClip> Clips { get; }

    /// <summary>Related genres (<c>--genre-links</c>) drawn together in the descriptor head's fit and the network's genre layer; <see cref="GenreLinks.None"/> when not given.</summary>
    public GenreLinks Links { get; private init; } = GenreLinks.None;

    /// <summary>The same clips with <paramref name="links"/> between their genres.</summary>
    public PreparedDataset WithLinks(GenreLinks links) => new(Manifest, Labels, Clips) { Links = links };

    public static PreparedDataset Load(string manifestPath, string cacheDirectory, int threads, Action<string> log)
    {
        var manifest = TrainingManifest.Load(manifestPath);
        var labels = LabelMap.FromRows(manifest.Clips.Select(c => new GenreLabel(c.Genre, c.Title, c.Family)));
        log($"{manifest.Clips.Count} clips, {labels.GenreCount} genres, {labels.FamilyCount} families; features from {cacheDirectory}");
        var cache = new FeatureCache(cacheDirectory);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var features = cache.LoadAll(manifest.Clips, threads, done =>
        {
            if (done % 100 == 0)
                log($"  features {done}/{manifest.Clips.Count} ({clock.Elapsed.TotalSeconds:F0} s)");
        });
        log($"features ready in {clock.Elapsed.TotalSeconds:F0} s");
        var clips = manifest.Clips.Select((c, i) => new TrainingClip(features[i], labels.IndexOf(c.Genre))).ToList();
        return new PreparedDataset(manifest, labels, clips);
    }

    /// <summary>Training and validation clips of one fold of a stratified k-fold split.</summary>
    public (List<TrainingClip> Train, List<TrainingClip> Validation, int[] Folds) Split(int folds, int validationFold, int seed)
    {
        var assignment = StratifiedFolds.Assign(Manifest.Clips, folds, seed);
        var train = Clips.Where((_, i) => assignment[i] != validationFold).ToList();
        var validation = Clips.Where((_, i) => assignment[i] == validationFold).ToList();
        return (train, validation, assignment);
    }
}
