using System.Globalization;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// One csv row per clip for <c>evaluate-families --details</c>: what the product answered for each labelled clip,
/// so that the misses can be read one by one (which family instead, how sure, at what tempo).
/// </summary>
public static class FamilyAnswerCsv
{
    public const string Header = "file,label,family,answer,low_confidence,answer_probability,top_genre,tempo_bpm";

    public static string Row(string file, string label, FamilyCheck.Clip clip, string topGenre, double tempoBpm) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Field(file)},{Field(label)},{Field(clip.Family)},{Field(clip.Answer)},{(clip.LowConfidence ? "true" : "false")},{clip.Families[clip.Answer]:F3},{Field(topGenre)},{tempoBpm:F1}");

    /// <summary>A csv field, quoted (with doubled quotes) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
