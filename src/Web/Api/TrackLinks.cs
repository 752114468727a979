namespace GenreOrleans.Web.Api;

/// <summary>Where to read the track (<c>self</c>), follow its progress (<c>events</c>) and see it in a browser (<c>page</c>).</summary>
public sealed record TrackLinks(string Self, string Events, string Page)
{
    public static TrackLinks For(Guid id) => new($"/api/tracks/{id}", $"/api/tracks/{id}/events", $"/tracks/{id}");
}
