namespace GenreOrleans.Analysis.Pipeline;

/// <summary>
/// Per-window probabilities from one forward pass: <see cref="Genres"/> is WindowCount x GenreCount,
/// <see cref="Families"/> is WindowCount x FamilyCount, both row-major.
/// </summary>
public sealed record WindowScores(
    float[] Genres,
    float[] Families,
    int WindowCount,
    int GenreCount,
    int FamilyCount,
    string ModelVersion);
