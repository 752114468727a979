using GenreOrleans.Analysis.Results;
using GenreOrleans.Web.Api;
using GenreOrleans.Web.Tracks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GenreOrleans.Web.Pages.Tracks;

/// <summary>One track: its progress while it is analysed, then its genres, families, tempo, key and timeline.</summary>
public sealed class DetailsModel(TrackService tracks) : PageModel
{
    /// <summary>The genres listed first: those that make up the bulk of the probability, never fewer than three.</summary>
    public const double LeadingShare = 0.9;

    public const int MinimumLeading = 3;

    public const int MaximumLeading = 12;

    public TrackResponse? Track { get; private set; }

    public IReadOnlyList<GenreProbability> LeadingGenres { get; private set; } = [];

    public IReadOnlyList<GenreProbability> OtherGenres { get; private set; } = [];

    public IReadOnlyList<TimelineBlock> Timeline { get; private set; } = [];

    public double DurationSeconds { get; private set; }

    public bool IsFinished => Track?.Status is "Completed" or "Failed";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var snapshot = await tracks.FindAsync(id);
        if (snapshot is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Track = snapshot.ToResponse();
        if (Track.Result is { } result)
        {
            LeadingGenres = PickLeading(result.Genres);
            OtherGenres = result.Genres.Skip(LeadingGenres.Count).ToList();
            DurationSeconds = Track.File.DurationSeconds
                ?? (result.Timeline.Count > 0 ? result.Timeline.Max(s => s.EndSeconds) : 0);
            Timeline = MergeRuns(result.Timeline);
        }
        return Page();
    }

    private static List<GenreProbability> PickLeading(IReadOnlyList<GenreProbability> sorted)
    {
        var leading = new List<GenreProbability>();
        var share = 0.0;
        foreach (var genre in sorted)
        {
            if (leading.Count >= MaximumLeading || (leading.Count >= MinimumLeading && share >= LeadingShare))
                break;
            leading.Add(genre);
            share += genre.Probability;
        }
        return leading;
    }

    private static List<TimelineBlock> MergeRuns(IReadOnlyList<TimelineSegment> segments)
    {
        var blocks = new List<TimelineBlock>();
        var run = new List<TimelineSegment>();
        foreach (var segment in segments.OrderBy(s => s.StartSeconds))
        {
            if (run.Count > 0 && run[0].Slug != segment.Slug)
            {
                blocks.Add(ToBlock(run));
                run.Clear();
            }
            run.Add(segment);
        }
        if (run.Count > 0)
            blocks.Add(ToBlock(run));
        return blocks;
    }

    private static TimelineBlock ToBlock(List<TimelineSegment> run) =>
        new(run[0].StartSeconds, run[^1].EndSeconds, run[0].Slug, run[0].Title, run[0].Family, run.Average(s => s.Probability));
}
