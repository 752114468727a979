using GenreOrleans.Web.Api;
using GenreOrleans.Web.Tracks;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GenreOrleans.Web.Pages.Tracks;

/// <summary>The uploads of this browser (its owner cookie), newest first.</summary>
public sealed class HistoryModel(UploadHistory history, TrackService tracks, ILogger<HistoryModel> logger) : PageModel
{
    public const int Limit = 50;

    public IReadOnlyList<TrackResponse> Tracks { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (OwnerCookie.Read(HttpContext) is not { } owner)
            return;

        var ids = await history.ListAsync(owner, Limit, HttpContext.RequestAborted);
        var found = new List<TrackResponse>(ids.Count);
        foreach (var id in ids)
        {
            try
            {
                if (await tracks.FindAsync(id) is { } snapshot)
                    found.Add(snapshot.ToResponse());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not read track {TrackId} for the history page", id);
            }
        }
        Tracks = found;
    }
}
