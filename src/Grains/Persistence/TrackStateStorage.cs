using System.Text.Json;
using GenreOrleans.Analysis.Results;
using GenreOrleans.Grains.Tracks;
using Microsoft.EntityFrameworkCore;
using Orleans.Storage;

namespace GenreOrleans.Grains.Persistence;

/// <summary>
/// Grain storage for <see cref="TrackState"/> on the application database: one Tracks row per
/// grain, the row's <see cref="TrackRecord.Version"/> as ETag. Columns instead of an opaque blob
/// so that history and the restart scan are plain queries.
/// </summary>
public sealed class TrackStateStorage(IDbContextFactory<GenreOrleansDbContext> contextFactory) : IGrainStorage
{
    public const string Name = "tracks";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        EnsureTrackState<T>();
        await using var db = await contextFactory.CreateDbContextAsync();
        var record = await db.Tracks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == grainId.GetGuidKey());
        if (record is null)
        {
            grainState.State = (T)(object)new TrackState();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.State = (T)(object)ToState(record);
        grainState.ETag = ETagOf(record.Version);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        EnsureTrackState<T>();
        var state = (TrackState)(object)grainState.State!;
        var id = grainId.GetGuidKey();
        await using var db = await contextFactory.CreateDbContextAsync();
        TrackRecord record;
        if (grainState.ETag is null)
        {
            record = new TrackRecord { Id = id, FileName = "", StoredPath = "", Status = "", Version = 1 };
            db.Tracks.Add(record);
        }
        else
        {
            record = await db.Tracks.SingleOrDefaultAsync(t => t.Id == id)
                ?? throw new InconsistentStateException($"Track {id} was deleted from the database.", "", grainState.ETag);
            if (ETagOf(record.Version) != grainState.ETag)
                throw new InconsistentStateException($"Track {id} was changed by someone else.", ETagOf(record.Version), grainState.ETag);
            record.Version++;
        }

        CopyInto(state, record);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception)
        {
            throw new InconsistentStateException($"Track {id} was written concurrently: {exception.GetBaseException().Message}",
                "unknown", grainState.ETag ?? "none");
        }

        grainState.ETag = ETagOf(record.Version);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        EnsureTrackState<T>();
        var id = grainId.GetGuidKey();
        await using var db = await contextFactory.CreateDbContextAsync();
        await db.Tracks.Where(t => t.Id == id).ExecuteDeleteAsync();
        grainState.State = (T)(object)new TrackState();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    internal static TrackState ToState(TrackRecord record) => new()
    {
        Status = Enum.Parse<TrackStatus>(record.Status),
        Progress = record.Progress,
        Error = record.Error,
        FileName = record.FileName,
        StoredPath = record.StoredPath,
        SizeBytes = record.SizeBytes,
        OwnerId = record.OwnerId,
        Attempts = record.Attempts,
        CreatedAt = AsUtc(record.CreatedAtUtc),
        UpdatedAt = AsUtc(record.UpdatedAtUtc),
        StartedAt = record.StartedAtUtc is { } started ? AsUtc(started) : null,
        FinishedAt = record.FinishedAtUtc is { } finished ? AsUtc(finished) : null,
        Facts = record.FactsJson is { } facts ? JsonSerializer.Deserialize<AudioFacts>(facts, Json) : null,
        Result = record.ResultJson is { } result ? JsonSerializer.Deserialize<TrackResult>(result, Json) : null,
    };

    private static void CopyInto(TrackState state, TrackRecord record)
    {
        record.Status = state.Status.ToString();
        record.Progress = state.Progress;
        record.Error = state.Error;
        record.FileName = state.FileName;
        record.StoredPath = state.StoredPath;
        record.SizeBytes = state.SizeBytes;
        record.OwnerId = state.OwnerId;
        record.Attempts = state.Attempts;
        record.CreatedAtUtc = state.CreatedAt.UtcDateTime;
        record.UpdatedAtUtc = state.UpdatedAt.UtcDateTime;
        record.StartedAtUtc = state.StartedAt?.UtcDateTime;
        record.FinishedAtUtc = state.FinishedAt?.UtcDateTime;
        record.FactsJson = state.Facts is null ? null : JsonSerializer.Serialize(state.Facts, Json);
        record.ResultJson = state.Result is null ? null : JsonSerializer.Serialize(state.Result, Json);
    }

    // SQLite hands DateTime back unspecified; every stored time is UTC.
    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static string ETagOf(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void EnsureTrackState<T>()
    {
        if (typeof(T) != typeof(TrackState))
            throw new NotSupportedException($"The '{Name}' grain storage stores {nameof(TrackState)} only, not {typeof(T).Name}.");
    }
}
