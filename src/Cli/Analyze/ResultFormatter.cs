using System.Globalization;
using System.Text.Json;
using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Cli.Analyze;

/// <summary>
/// Prints analysed files: --json one object per line: "file", "status", "error" and the API's <see cref="TrackResultView"/>;
/// --csv one row per file with the top genre and family; plain text for people otherwise.
/// </summary>
internal static class ResultFormatter
{
    public const string CsvHeader = "file,status,genre,genreTitle,family,genreProbability,topFamily,familyProbability,tempoBpm,key,camelot,lowConfidence,durationSeconds,error";

    public static string Format(AnalyzedFile file, OutputFormat format) => format switch
    {
        OutputFormat.Json => ToJson(file),
        OutputFormat.Csv => ToCsv(file),
        _ => ToText(file),
    };

    public static string ToJson(AnalyzedFile file)
    {
        var r = file.Result;
        var line = new AnalyzedFileJson(file.File, r is null ? "failed" : "completed", file.Error,
            r is null ? null : TrackResultView.From(r, file.DurationSeconds));
        return JsonSerializer.Serialize(line, CliJsonContext.Default.AnalyzedFileJson);
    }

    public static string ToCsv(AnalyzedFile file)
    {
        var r = file.Result;
        string N(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
        var fields = r is null
            ? new[] { file.File, "failed", "", "", "", "", "", "", "", "", "", "", "", file.Error ?? "" }
            : new[]
            {
                file.File, "completed", r.Genres[0].Slug, r.Genres[0].Title, r.Genres[0].Family, N(r.Genres[0].Probability),
                r.Families[0].Name, N(r.Families[0].Probability), N(r.Tempo.Bpm), r.Key.Name, r.Key.Camelot,
                r.LowConfidence ? "true" : "false", file.DurationSeconds is { } d ? N(d) : "", "",
            };
        return string.Join(',', fields.Select(Quote));
    }

    public static string ToText(AnalyzedFile file)
    {
        var r = file.Result;
        if (r is null)
            return $"{file.File}: failed: {file.Error}";
        var genres = string.Join(", ", r.Genres.Take(3).Select(g => $"{g.Title} {g.Probability:P0}"));
        var tempo = r.Tempo.Confidence > 0 ? $", {r.Tempo.Bpm:F0} BPM" : "";
        var key = r.Key.Confidence > 0 ? $", {r.Key.Name} ({r.Key.Camelot})" : "";
        var flag = r.UnfamiliarSound ? " [low confidence: sounds unlike the training music]" : r.LowConfidence ? " [low confidence]" : "";
        return $"{file.File}: {genres} | {r.Families[0].Name} {r.Families[0].Probability:P0}{tempo}{key}{flag}";
    }

    private static string Quote(string field) =>
        field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
