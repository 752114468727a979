namespace GenreOrleans.Analysis.Results;

/// <summary>How much a track matches one genre of the model's label map.</summary>
public sealed record GenreProbability(string Slug, string Title, string Family, double Probability);
