using System.Globalization;

namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// One csv row per clip for <c>evaluate-families --details</c>: what the product answered for each labelled clip,
/// so that the misses can be read one by one (which family instead, how sure, at what tempo), followed by the
/// whole family distribution (one column per family, <c>p_House</c>...) for offline analysis.
/// </summary>
public static class FamilyAnswerCsv
{
    public static string Header(IEnumerable<string> families) =>
        "file,label,family,answer,low_confidence,answer_probability,top_genre,tempo_bpm" + string.Concat(families.Select(f => ",p_" + Field(f)));

    public static string Row(string file, string label, FamilyCheck.Clip clip, string topGenre, double tempoBpm, IEnumerable<string> families) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Field(file)},{Field(label)},{Field(clip.Family)},{Field(clip.Answer)},{(clip.LowConfidence ? "true" : "false")},{clip.Families[clip.Answer]:F3},{Field(topGenre)},{tempoBpm:F1}")
        + string.Concat(families.Select(f => string.Create(CultureInfo.InvariantCulture, $",{clip.Families.GetValueOrDefault(f):F4}")));

    /// <summary>A csv field, quoted (with doubled quotes) when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
