using System.Runtime.CompilerServices;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Web.Uploads;

namespace GenreOrleans.Web.Tracks;

/// <summary>
/// What the pages and the API do with tracks: hand a stored upload to its TrackGrain, read a
/// track's snapshot, follow it until it finishes. Grain calls only; no analysis happens here.
/// </summary>
public sealed class TrackService(
    IGrainFactory grains,
    AnalysisAdmission admission,
    ILogger<TrackService> logger)
{
    /// <summary>How often a watcher asks the grain again; progress moves in steps of seconds, not milliseconds.</summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(500);

    public async Task<(TrackSnapshot? Snapshot, UploadRejection? Rejection)> SubmitAsync(
        StoredUpload upload, string? ownerId)
    {
        if (!admission.TryAdmit(upload.TrackId))
        {
            File.Delete(upload.StoredPath);
            logger.LogWarning("Analysis queue full ({Pending} pending); refused {FileName}", admission.PendingCount, upload.FileName);
            return (null, UploadRejection.QueueFull());
        }

        try
        {
            var grain = grains.GetGrain<ITrackGrain>(upload.TrackId);
            // The grain keeps the owner id with the track, which is what the history page lists.
            var snapshot = await grain.StartAsync(new TrackUpload(upload.StoredPath, upload.FileName, upload.SizeBytes, ownerId));
            return (snapshot, null);
        }
        catch
        {
            admission.Release(upload.TrackId);
            File.Delete(upload.StoredPath);
            throw;
        }
    }

    /// <summary>The track's snapshot, or null when no upload has that id.</summary>
    public async Task<TrackSnapshot?> FindAsync(Guid trackId)
    {
        var snapshot = await grains.GetGrain<ITrackGrain>(trackId).GetAsync();
        return snapshot is null || snapshot.CreatedAt == default ? null : snapshot;
    }

    /// <summary>Yields the snapshot now and each time it changes, until the track finishes or the caller leaves.</summary>
    public async IAsyncEnumerable<TrackSnapshot> WatchAsync(
        Guid trackId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TrackSnapshot? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var snapshot = await FindAsync(trackId);
            if (snapshot is null)
                yield break;
            if (last is null || snapshot.Status != last.Status || snapshot.Progress != last.Progress)
            {
                last = snapshot;
                yield return snapshot;
            }
            if (snapshot.Status.IsFinished())
                yield break;
            try
            {
                await Task.Delay(WatchInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }
}
