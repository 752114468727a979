namespace GenreOrleans.Grains.Inference;

/// <summary>Which model the InferenceGrain serves, where, and how much it has done since activation.</summary>
[GenerateSerializer, Immutable]
public sealed record InferenceStatus(
    [property: Id(0)] string ModelVersion,
    [property: Id(1)] string Silo,
    [property: Id(2)] long BatchesRun,
    [property: Id(3)] long WindowsScored,
    [property: Id(4)] int MaxBatchWindows,
    [property: Id(5)] int MaxWaitMilliseconds,
    [property: Id(6)] string Device);
