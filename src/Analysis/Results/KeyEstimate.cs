namespace GenreOrleans.Analysis.Results;

/// <summary>Musical key such as "F# minor", its Camelot code such as "11A", and a 0–1 confidence.</summary>
public sealed record KeyEstimate(string Name, string Camelot, double Confidence);
