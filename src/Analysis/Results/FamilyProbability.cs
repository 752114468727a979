namespace GenreOrleans.Analysis.Results;

/// <summary>How much a track matches one of the seven families (House, Trance, ...).</summary>
public sealed record FamilyProbability(string Name, double Probability);
