namespace GenreOrleans.Analysis.Results;

/// <summary>What the decoder learned about the uploaded file.</summary>
public sealed record AudioFacts(
    string Format,
    double DurationSeconds,
    int SampleRate,
    int Channels,
    int? BitrateKbps,
    string? Title,
    string? Artist,
    string? Genre);
