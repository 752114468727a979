using GenreOrleans.Grains.Inference;

namespace GenreOrleans.Grains.Tests.Doubles;

/// <summary>Test double: "loads" a <see cref="FakeWindowScorer"/> whose version is the directory name.</summary>
internal sealed class FakeModelLoader : IScoringModelLoader
{
    public ScoringModel Load(string? modelDirectory) =>
        new(new FakeWindowScorer(modelDirectory ?? "fake-default"), modelDirectory ?? "fake-default");
}
