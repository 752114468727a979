namespace GenreOrleans.Analysis.Model;

/// <summary>One output of the genre head: the manifest's slug, its display title and its family.</summary>
public sealed record GenreLabel(string Slug, string Title, string Family);
