using System.Security.Cryptography;
using GenreOrleans.Analysis.Model;

namespace GenreOrleans.Training.Data;

/// <summary>
/// Pairs of related genres as label indices, read from a genre graph such as the guide's
/// <c>v2.5_links.csv</c> (columns <c>source</c>, <c>target</c>). The descriptor head's regression and the
/// network's genre layer pull linked genres' weights towards each other (<see cref="Training.LinkPenalty"/>): with 1 to 9
/// clips per genre, a genre borrows strength from the genres the guide connects it to.
/// Links are undirected; blank, self and repeated links, and links to genres outside the labels, are left out.
/// </summary>
public sealed class GenreLinks
{
    private GenreLinks(IReadOnlyList<(int First, int Second)> pairs, int leftOut, string sha256)
    {
        Pairs = pairs;
        LeftOut = leftOut;
        Sha256 = sha256;
    }

    /// <summary>No links: head and network are fitted without the penalty.</summary>
    public static GenreLinks None { get; } = new([], 0, "");

    public IReadOnlyList<(int First, int Second)> Pairs { get; }

    /// <summary>Rows of the file that give no usable pair (blank target, unknown genre, self link, repeat).</summary>
    public int LeftOut { get; }

    /// <summary>Digest of the file the links were read from (empty for <see cref="None"/>).</summary>
    public string Sha256 { get; }

    public static GenreLinks Load(string path, LabelMap labels)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"genre links not found: {path}");
        var bytes = File.ReadAllBytes(path);
        var (header, rows) = CsvReader.ReadTable(bytes, path);
        int source = header.IndexOf("source"), target = header.IndexOf("target");
        if (source < 0 || target < 0)
            throw new InvalidDataException($"{path} needs 'source' and 'target' columns (genre slugs)");
        var index = labels.Genres.Select((g, i) => (g.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        var seen = new HashSet<(int, int)>();
        var pairs = new List<(int, int)>();
        var leftOut = 0;
        foreach (var row in rows)
        {
            if (row.Length <= Math.Max(source, target)
                || !index.TryGetValue(row[source].Trim(), out var a)
                || !index.TryGetValue(row[target].Trim(), out var b)
                || a == b
                || !seen.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                leftOut++;
                continue;
            }
            pairs.Add((a, b));
        }
        return new GenreLinks(pairs, leftOut, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
