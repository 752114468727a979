using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Cli.Analyze;

/// <summary>One input file's outcome: the path as given, and a result or the reason it failed.</summary>
internal sealed record AnalyzedFile(string File, TrackResult? Result, double? DurationSeconds, string? Error);
