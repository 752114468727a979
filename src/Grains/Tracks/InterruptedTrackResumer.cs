using GenreOrleans.Grains.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// When the silo becomes active, wakes every track whose analysis was cut off by a stop or crash:
/// activating its grain resumes it (see <see cref="TrackGrain"/>). Runs in the background so
/// that startup does not wait for the scan; with several silos each scans, which is harmless
/// because a grain has one activation.
/// </summary>
public sealed class InterruptedTrackResumer(
    IDbContextFactory<GenreOrleansDbContext> contextFactory,
    IGrainFactory grainFactory,
    ILogger<InterruptedTrackResumer> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly string[] FinishedStatuses = [nameof(TrackStatus.Completed), nameof(TrackStatus.Failed)];

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(InterruptedTrackResumer), ServiceLifecycleStage.Active, cancellationToken =>
        {
            _ = Task.Run(() => ResumeAllAsync());
            return Task.CompletedTask;
        });

    public async Task<int> ResumeAllAsync()
    {
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync();
            var unfinished = await db.Tracks.AsNoTracking()
                .Where(t => !FinishedStatuses.Contains(t.Status))
                .Select(t => t.Id)
                .ToListAsync();
            if (unfinished.Count > 0)
                logger.LogInformation("Resuming {Count} interrupted track(s)", unfinished.Count);
            foreach (var id in unfinished)
                await grainFactory.GetGrain<ITrackGrain>(id).GetAsync();
            return unfinished.Count;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Could not resume interrupted tracks");
            return 0;
        }
    }
}
