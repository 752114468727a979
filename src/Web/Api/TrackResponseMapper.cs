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

        TrackResultResponse? result = null;
        if (snapshot.Result is { } r)
        {
            result = new TrackResultResponse(
                r.Genres.OrderByDescending(g => g.Probability).ToList(),
                r.Families.OrderByDescending(f => f.Probability).ToList(),
                r.Tempo.Bpm,
                r.Tempo,
                r.Key,
                r.LowConfidence,
                r.Timeline,
                facts?.DurationSeconds,
                r.ModelVersion,
                r.FeatureSummary);
        }

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
