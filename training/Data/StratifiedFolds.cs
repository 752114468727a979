namespace GenreOrleans.Training.Data;

/// <summary>
/// Assigns every clip to one of k folds, stratified by genre with a fixed seed: the clips of a
/// genre are shuffled and dealt round-robin from a random starting fold, so each fold gets
/// about 1/k of every genre. A clip is the unit (all its windows stay on one side).
/// </summary>
public static class StratifiedFolds
{
    public static int[] Assign(IReadOnlyList<ClipRecord> clips, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[clips.Count];
        var byGenre = Enumerable.Range(0, clips.Count)
            .GroupBy(i => clips[i].Genre, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var genre in byGenre)
        {
            var members = genre.OrderBy(i => clips[i].RelativePath, StringComparer.Ordinal).ToArray();
            random.Shuffle(members);
            var start = random.Next(folds);
            for (var j = 0; j < members.Length; j++)
                assignment[members[j]] = (start + j) % folds;
        }
        return assignment;
    }
}
