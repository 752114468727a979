namespace GenreOrleans.Training.Evaluation;

/// <summary>
/// Family answers on labelled audio from outside the training data (<c>evaluate-families</c>): how often the
/// top family is the labelled one, per clip and per group (clips cut from one track vote with their mean
/// family distribution), how many answers the low-confidence flag holds back and how good the rest are,
/// and what always answering the most common labelled family would score.
/// </summary>
public sealed record FamilyCheck(
    string Name,
    int Clips,
    double FamilyTop1,
    int Groups,
    double GroupFamilyTop1,
    double FlaggedShare,
    double FamilyTop1Unflagged,
    double MostCommonFamilyShare,
    IReadOnlyDictionary<string, int> Answers)
{
    /// <summary>One clip: its labelled family, its group (a track id; the clip itself when none), and the model's answer.</summary>
    public sealed record Clip(string Family, string Group, IReadOnlyDictionary<string, double> Families, bool LowConfidence)
    {
        public string Answer => Families.MaxBy(f => f.Value).Key;
    }

    public static FamilyCheck Of(string name, IReadOnlyList<Clip> clips)
    {
        if (clips.Count == 0)
            return new FamilyCheck(name, 0, 0, 0, 0, 0, 0, 0, new Dictionary<string, int>());
        var unflagged = clips.Where(c => !c.LowConfidence).ToList();
        var groups = clips.GroupBy(c => (c.Group, c.Family)).ToList();
        var groupRight = groups.Count(g =>
            g.SelectMany(c => c.Families).GroupBy(f => f.Key).MaxBy(f => f.Sum(x => x.Value))!.Key == g.Key.Family);
        return new FamilyCheck(
            name,
            clips.Count,
            clips.Count(c => c.Answer == c.Family) / (double)clips.Count,
            groups.Count,
            groupRight / (double)groups.Count,
            1 - unflagged.Count / (double)clips.Count,
            unflagged.Count == 0 ? 0 : unflagged.Count(c => c.Answer == c.Family) / (double)unflagged.Count,
            clips.GroupBy(c => c.Family).Max(g => g.Count()) / (double)clips.Count,
            clips.GroupBy(c => c.Answer).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count()));
    }
}
