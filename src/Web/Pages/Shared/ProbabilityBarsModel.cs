using GenreOrleans.Analysis.Results;

namespace GenreOrleans.Web.Pages.Shared;

/// <summary>Genres to draw as bars, scaled against the most likely one so that the leader fills its row.</summary>
public sealed record ProbabilityBarsModel(IReadOnlyList<GenreProbability> Genres, double Largest);
