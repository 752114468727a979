using GenreOrleans.Grains.Persistence;
using Microsoft.EntityFrameworkCore;

namespace GenreOrleans.Web.Tracks;

/// <summary>
/// Which tracks a browser uploaded, newest first: the tracks whose owner id is the browser's
/// cookie, read from the application database where the TrackGrain keeps its state.
/// </summary>
public sealed class UploadHistory(IDbContextFactory<GenreOrleansDbContext> databases)
{
    public async Task<IReadOnlyList<Guid>> ListAsync(string ownerId, int limit, CancellationToken cancellationToken)
    {
        await using var database = await databases.CreateDbContextAsync(cancellationToken);
        return await database.Tracks
            .AsNoTracking()
            .Where(track => track.OwnerId == ownerId)
            .OrderByDescending(track => track.CreatedAtUtc)
            .Take(limit)
            .Select(track => track.Id)
            .ToListAsync(cancellationToken);
    }
}
