using GenreOrleans.Analysis.Pipeline;

namespace GenreOrleans.Grains.Serialization;

/// <summary>Orleans wire form of <see cref="WindowScores"/>; see <see cref="WindowBatchSurrogate"/> for why a surrogate.</summary>
[GenerateSerializer]
public struct WindowScoresSurrogate
{
    [Id(0)] public float[] Genres;
    [Id(1)] public float[] Families;
    [Id(2)] public int WindowCount;
    [Id(3)] public int GenreCount;
    [Id(4)] public int FamilyCount;
    [Id(5)] public string ModelVersion;
}

[RegisterConverter]
public sealed class WindowScoresSurrogateConverter : IConverter<WindowScores, WindowScoresSurrogate>
{
    public WindowScores ConvertFromSurrogate(in WindowScoresSurrogate surrogate) =>
        new(surrogate.Genres, surrogate.Families, surrogate.WindowCount, surrogate.GenreCount, surrogate.FamilyCount, surrogate.ModelVersion);

    public WindowScoresSurrogate ConvertToSurrogate(in WindowScores value) => new()
    {
        Genres = value.Genres,
        Families = value.Families,
        WindowCount = value.WindowCount,
        GenreCount = value.GenreCount,
        FamilyCount = value.FamilyCount,
        ModelVersion = value.ModelVersion,
    };
}
