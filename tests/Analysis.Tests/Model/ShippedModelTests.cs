using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Analysis.Tests.Model;

public sealed class ShippedModelTests
{
    [Fact]
    public void The_shipped_model_is_found_and_names_every_genre_with_its_family()
    {
        var directory = ModelLocator.FindDefault();
        var manifest = ModelManifest.Read(directory);

        Assert.Equal(179, manifest.Genres.Count);
        Assert.Equal(7, manifest.Families.Count);
        Assert.True(new FileInfo(Path.Combine(directory, manifest.WeightsFile)).Length < 50 * 1024 * 1024);
    }

    [SkippableFact]
    public async Task The_shipped_model_labels_are_the_dataset_genres_and_a_real_clip_gets_a_full_distribution()
    {
        var dataset = TestPaths.RequireDataset();
        using var session = InferenceSession.Load(ModelLocator.FindDefault());
        var analyzer = new TrackAnalyzer(session.Manifest!);
        var datasetGenres = Directory.GetDirectories(Path.Combine(dataset, "clips")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(datasetGenres, session.Labels.Genres.Select(g => g.Slug));

        var clip = Directory.EnumerateFiles(Path.Combine(dataset, "clips", "drumnbass"), "*.mp3").Order(StringComparer.Ordinal).First();
        await using var stream = File.OpenRead(clip);
        var result = await analyzer.AnalyzeAsync(stream, session, null, CancellationToken.None);

        Assert.Equal(179, result.Genres.Count);
        Assert.Equal(1.0, result.Genres.Sum(g => g.Probability), 3);
        Assert.Equal(result.Families.Sum(f => f.Probability), result.Genres.Sum(g => g.Probability), 3);
    }
}
