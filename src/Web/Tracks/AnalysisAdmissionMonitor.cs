namespace GenreOrleans.Web.Tracks;

/// <summary>Frees a place in <see cref="AnalysisAdmission"/> once a track has finished (or vanished).</summary>
public sealed class AnalysisAdmissionMonitor(
    AnalysisAdmission admission,
    TrackService tracks,
    ILogger<AnalysisAdmissionMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (admission.PendingCount == 0)
                continue;
            foreach (var trackId in admission.Pending)
            {
                try
                {
                    var snapshot = await tracks.FindAsync(trackId);
                    if (snapshot is null || snapshot.Status.IsFinished())
                        admission.Release(trackId);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not read the state of track {TrackId}", trackId);
                }
            }
        }
    }
}
