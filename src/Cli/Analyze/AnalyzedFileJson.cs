using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Cli.Analyze;

/// <summary>One line of <c>genre analyze --json</c>: the file, how its analysis ended, and the API's result.</summary>
internal sealed record AnalyzedFileJson(string File, string Status, string? Error, TrackResultView? Result);
