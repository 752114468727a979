using System.Diagnostics;
using GenreOrleans.Analysis.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GenreOrleans.Grains.Tracks;

/// <summary>
/// Owns one upload: persists its life cycle and drives the pipeline stage by stage. The work
/// runs as a background loop of this activation (not inside a request), so GetAsync is answered
/// between stages; the CPU-heavy stages run on the thread pool, never on the Orleans scheduler.
/// A track found unfinished on activation (the silo stopped mid-analysis) is resumed from the
/// start, because its upload is still on disk.
/// </summary>
public sealed class TrackGrain(
    [PersistentState("track", Persistence.TrackStateStorage.Name)] IPersistentState<TrackState> track,
    ITrackPipeline pipeline,
    IWindowScorer scorer,
    AnalysisThrottle throttle,
    IOptions<TrackGrainOptions> options,
    ILogger<TrackGrain> logger) : Grain, ITrackGrain
{
    private readonly CancellationTokenSource _deactivating = new();
    private Task? _work;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (track.RecordExists && !track.State.IsFinished)
        {
            logger.LogInformation("Resuming track {TrackId} interrupted in stage {Status}", this.GetPrimaryKey(), track.State.Status);
            StartWork();
        }
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Stop the loop before the activation goes: it must not write state afterwards.
        // The track keeps its unfinished status and is resumed by the next activation.
        await _deactivating.CancelAsync();
        if (_work is null)
            return;
        try
        {
            await _work.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Deactivation timed out; the loop stops at its next stage boundary.
        }
    }

    public async Task<TrackSnapshot> StartAsync(TrackUpload upload)
    {
        if (!track.RecordExists)
        {
            var now = DateTimeOffset.UtcNow;
            track.State = new TrackState
            {
                Status = TrackStatus.Uploaded,
                FileName = upload.FileName,
                StoredPath = upload.StoredPath,
                SizeBytes = upload.SizeBytes,
                OwnerId = upload.OwnerId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            await track.WriteStateAsync();
            var recorded = Snapshot();
            StartWork();
            return recorded;
        }
        return Snapshot();
    }

    public Task<TrackSnapshot?> GetAsync() => Task.FromResult(track.RecordExists ? Snapshot() : null);

    private void StartWork()
    {
        if (_work is { IsCompleted: false })
            return;
        // Keep the activation (and its in-memory run) while analysing; released when done.
        DelayDeactivation(TimeSpan.FromHours(1));
        _work = AnalyseAsync(_deactivating.Token);
    }

    private async Task AnalyseAsync(CancellationToken cancellationToken)
    {
        var state = track.State;
        try
        {
            if (state.Attempts >= options.Value.MaxAttempts)
            {
                await FailAsync($"The analysis was interrupted {state.Attempts} times (the server stopped while working on it); giving up. Upload the file again to retry.");
                return;
            }
            if (!File.Exists(state.StoredPath))
            {
                await FailAsync("The uploaded file is no longer on the server; upload it again.");
                return;
            }

            state.Attempts++;
            state.StartedAt ??= DateTimeOffset.UtcNow;
            var run = pipeline.Begin();
            var clock = Stopwatch.StartNew();
            TimeSpan queued, decoded, extracted;

            using (await throttle.EnterAsync(cancellationToken))
            {
                queued = clock.Elapsed;
                await EnterAsync(TrackStatus.Decoding, 5);
                var path = state.StoredPath;
                state.Facts = await Task.Run(() =>
                {
                    using var audio = File.OpenRead(path);
                    return run.Decode(audio, cancellationToken);
                }, cancellationToken);
                decoded = clock.Elapsed;

                await EnterAsync(TrackStatus.Extracting, 35);
                await Task.Run(() => run.Extract(cancellationToken), cancellationToken);
                extracted = clock.Elapsed;
            }

            await EnterAsync(TrackStatus.Classifying, 70);
            await Task.Run(() => run.ScoreAsync(scorer, cancellationToken), cancellationToken);
            var result = await Task.Run(run.BuildResult, cancellationToken);

            state.Result = result;
            state.Status = TrackStatus.Completed;
            state.Progress = 100;
            state.FinishedAt = DateTimeOffset.UtcNow;
            await WriteAsync();
            // Where the time goes, per stage (each includes its status write).
            logger.LogInformation(
                "Track {TrackId} completed in {Total:F2} s: queued {Queued:F2} s, decode {Decode:F2} s, extract {Extract:F2} s, classify {Classify:F2} s",
                this.GetPrimaryKey(), clock.Elapsed.TotalSeconds, queued.TotalSeconds, (decoded - queued).TotalSeconds,
                (extracted - decoded).TotalSeconds, (clock.Elapsed - extracted).TotalSeconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Deactivating: the unfinished status stays in the database and the next activation resumes it.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Track {TrackId} failed while {Status}", this.GetPrimaryKey(), state.Status);
            await FailAsync(Describe(state.Status, exception));
        }
        finally
        {
            DelayDeactivation(TimeSpan.FromSeconds(-1));
        }
    }

    private async Task EnterAsync(TrackStatus status, int progress)
    {
        track.State.Status = status;
        track.State.Progress = progress;
        await WriteAsync();
    }

    private async Task FailAsync(string reason)
    {
        track.State.Status = TrackStatus.Failed;
        track.State.Error = reason;
        track.State.FinishedAt = DateTimeOffset.UtcNow;
        try
        {
            await WriteAsync();
        }
        catch (Exception exception)
        {
            // Nothing is left to tell: the track stays unfinished in the database and is resumed later.
            logger.LogError(exception, "Could not record the failure of track {TrackId}", this.GetPrimaryKey());
        }
    }

    private Task WriteAsync()
    {
        track.State.UpdatedAt = DateTimeOffset.UtcNow;
        return track.WriteStateAsync();
    }

    private static string Describe(TrackStatus stage, Exception exception)
    {
        var what = stage switch
        {
            TrackStatus.Decoding => "The file could not be decoded as audio",
            TrackStatus.Extracting => "Audio features could not be computed",
            TrackStatus.Classifying => "The genre model could not score the track",
            _ => "The analysis failed",
        };
        return $"{what}: {exception.GetBaseException().Message}";
    }

    private TrackSnapshot Snapshot()
    {
        var state = track.State;
        return new TrackSnapshot(this.GetPrimaryKey(), state.Status, state.Progress, state.Error, state.FileName,
            state.SizeBytes, state.CreatedAt, state.UpdatedAt, state.Facts, state.Result);
    }
}
