namespace GenreOrleans.Training.Evaluation;

/// <summary>A clip's aggregated genre and family distributions next to its true labels.</summary>
public sealed record ClipPrediction(int TrueGenre, int TrueFamily, double[] Genres, double[] Families);
