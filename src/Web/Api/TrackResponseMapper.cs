using GenreOrleans.Analysis.Results;
using GenreOrleans.Grains.Tracks;

namespace GenreOrleans.Web.Api;

/// <summary>Turns a grain's snapshot into the API's shape (genres and families sorted, most likely first).</summary>
public static class TrackResponseMapper
{
    public static TrackResponse ToResponse(this TrackSnapshot snapshot)
    {
        var facts = snapshot.Facts;
        var file = new TrackFileResponse(
            snapshot.FileName,
            snapshot.SizeBytes,
            facts?.Format,
            facts?.DurationSeconds,
            facts?.SampleRate,
            facts?.Channels,
            facts?.BitrateKbps,
            facts?.Title,
            facts?.Artist);

        var result = snapshot.Result is { } r ? TrackResultView.From(r, facts?.DurationSeconds) : null;

        return new TrackResponse(
            snapshot.Id,
            snapshot.Status.ToString(),
            snapshot.Progress,
            snapshot.Error,
            file,
            snapshot.CreatedAt,
            snapshot.UpdatedAt,
            result,
            TrackLinks.For(snapshot.Id));
    }
}
