using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GenreOrleans.Analysis.Model;
using GenreOrleans.Analysis.Pipeline;
using GenreOrleans.Dsp.Decoding;
using GenreOrleans.Training.Data;
using GenreOrleans.Training.Evaluation;

namespace GenreOrleans.Training.Commands;

/// <summary>
/// <c>evaluate-families --labels &lt;csv&gt; --audio &lt;dir&gt; --model models/&lt;name&gt;</c>: runs the product's whole
/// analysis (decode, features, windows, scores, fused result) on audio labelled only with a family, such as
/// today's music from sources independent of the guide, and prints <see cref="FamilyCheck"/>s as JSON: all
/// clips, then per <c>source</c> and per <c>label</c>. The csv has <c>file</c> (relative to the audio folder),
/// <c>family</c>, and optionally <c>label</c>, <c>source</c> and <c>group</c> (clips of one track).
/// </summary>
internal static class EvaluateFamiliesCommand
{
    public static Command Create()
    {
        var labelsOption = new Option<string>("--labels") { Required = true, Description = "csv: file,family[,label,source,group]" };
        var audioOption = new Option<string>("--audio") { Required = true, Description = "folder the csv's file paths are relative to" };
        var modelOption = new Option<string>("--model") { DefaultValueFactory = _ => "models/genre-crnn" };
        var detailsOption = new Option<string?>("--details") { Description = "also write one csv row per clip (answer, flag, top genre, tempo) to this file" };
        var command = new Command("evaluate-families", "Measure a model's family answers on family-labelled audio from outside the training data; prints JSON.");
        foreach (var option in new Option[] { labelsOption, audioOption, modelOption, detailsOption })
            command.Options.Add(option);
        command.SetAction(async (parse, ct) =>
        {
            using var session = InferenceSession.Load(parse.GetValue(modelOption)!);
            var analyzer = new TrackAnalyzer(session.Manifest!, new TempoKeyReader());
            var families = session.Labels.Families.ToHashSet(StringComparer.Ordinal);
            var audio = parse.GetValue(audioOption)!;
            var labelsPath = parse.GetValue(labelsOption)!;
            var (header, table) = CsvReader.ReadTable(File.ReadAllBytes(labelsPath), labelsPath);
            if (!header.Contains("file") || !header.Contains("family"))
            {
                Console.Error.WriteLine($"{labelsPath}: needs the columns file and family");
                return 2;
            }
            var rows = table.Where(r => r.Length == header.Count)
                .Select(r => header.Zip(r).ToDictionary(x => x.First, x => x.Second.Trim(), StringComparer.Ordinal)).ToList();
            var clips = new List<(FamilyCheck.Clip Clip, string Source, string Label)>();
            var details = new List<string> { FamilyAnswerCsv.Header(session.Labels.Families) };
            var skipped = table.Count - rows.Count;
            if (skipped > 0)
                Console.Error.WriteLine($"{labelsPath}: {skipped} rows without {header.Count} fields left out");
            foreach (var row in rows)
            {
                var family = row.GetValueOrDefault("family") ?? "";
                if (!families.Contains(family))
                {
                    Console.Error.WriteLine($"{row["file"]}: '{family}' is not one of the model's families; left out");
                    skipped++;
                    continue;
                }
                var path = Path.Combine(audio, row["file"]);
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"{path}: missing; left out");
                    skipped++;
                    continue;
                }
                try
                {
                    await using var stream = File.OpenRead(path);
                    var result = await analyzer.AnalyzeAsync(stream, session, null, ct);
                    var byFamily = result.Families.ToDictionary(f => f.Name, f => f.Probability);
                    var group = row.GetValueOrDefault("group") is { Length: > 0 } g ? g : row["file"];
                    var clip = new FamilyCheck.Clip(family, group, byFamily, result.LowConfidence);
                    clips.Add((clip, row.GetValueOrDefault("source") ?? "", row.GetValueOrDefault("label") ?? family));
                    details.Add(FamilyAnswerCsv.Row(row["file"], row.GetValueOrDefault("label") ?? "", clip,
                        result.Genres.MaxBy(g => g.Probability)?.Slug ?? "", result.Tempo.Bpm, session.Labels.Families));
                }
                catch (Exception e) when (e is AudioDecodingException or InvalidDataException or IOException or NotSupportedException)
                {
                    Console.Error.WriteLine($"{path}: {e.Message}; left out");
                    skipped++;
                }
            }
            var checks = new List<FamilyCheck> { FamilyCheck.Of("all", clips.Select(c => c.Clip).ToList()) };
            checks.AddRange(clips.GroupBy(c => c.Source).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => FamilyCheck.Of($"source {g.Key}", g.Select(c => c.Clip).ToList())));
            checks.AddRange(clips.GroupBy(c => (c.Source, c.Label)).OrderBy(g => g.Key.Source, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal)
                .Select(g => FamilyCheck.Of($"label {g.Key.Source}/{g.Key.Label}", g.Select(c => c.Clip).ToList())));
            if (parse.GetValue(detailsOption) is { } detailsPath)
                await File.WriteAllLinesAsync(detailsPath, details, ct);
            Console.WriteLine(JsonSerializer.Serialize(new { model = session.Manifest!.Identity, skipped, checks }, ModelManifest.JsonOptions));
            foreach (var check in checks)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{check.Name,-40} clips {check.Clips,4}  family top-1 {check.FamilyTop1:F3}  groups {check.Groups,4} {check.GroupFamilyTop1:F3}  flagged {check.FlaggedShare:P0}, right among the rest {check.FamilyTop1Unflagged:F3}  most common family {check.MostCommonFamilyShare:F3}"));
            // Nothing measured is a failure, not a score of zero.
            return clips.Count == 0 ? 1 : 0;
        });
        return command;
    }
}
