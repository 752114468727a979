namespace GenreOrleans.Analysis.Model;

/// <summary>
/// The model's label encoder: genre index to slug/title/family, and the families in a fixed
/// order. Genres are sorted by slug so the same manifest always gives the same indices.
/// </summary>
public sealed class LabelMap
{
    private readonly Dictionary<string, int> _genreIndex;

    public LabelMap(IReadOnlyList<GenreLabel> genres, IReadOnlyList<string> families)
    {
        Genres = genres;
        Families = families;
        _genreIndex = genres.Select((g, i) => (g.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        var familyIndex = families.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        FamilyOfGenre = genres.Select(g => familyIndex.TryGetValue(g.Family, out var f)
            ? f
            : throw new ArgumentException($"genre {g.Slug} has unknown family {g.Family}")).ToArray();
    }

    public IReadOnlyList<GenreLabel> Genres { get; }

    public IReadOnlyList<string> Families { get; }

    /// <summary>Family index of every genre index.</summary>
    public IReadOnlyList<int> FamilyOfGenre { get; }

    public int GenreCount => Genres.Count;

    public int FamilyCount => Families.Count;

    public int IndexOf(string slug) =>
        _genreIndex.TryGetValue(slug, out var i) ? i : throw new KeyNotFoundException($"unknown genre {slug}");

    /// <summary>Builds the map from (slug, title, family) rows, one or more per genre.</summary>
    public static LabelMap FromRows(IEnumerable<GenreLabel> rows)
    {
        var genres = rows
            .GroupBy(r => r.Slug, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(g => g.Slug, StringComparer.Ordinal)
            .ToList();
        var families = genres.Select(g => g.Family).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new LabelMap(genres, families);
    }
}
