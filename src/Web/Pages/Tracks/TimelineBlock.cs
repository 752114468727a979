namespace GenreOrleans.Web.Pages.Tracks;

/// <summary>A run of consecutive timeline segments with the same leading genre, as drawn on the strip.</summary>
public sealed record TimelineBlock(double StartSeconds, double EndSeconds, string Slug, string Title, string Family, double MeanProbability);
