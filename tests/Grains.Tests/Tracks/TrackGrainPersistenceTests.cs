using GenreOrleans.Grains.Persistence;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Grains.Tests.Tracks;

public sealed class TrackGrainPersistenceTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("genre-grains-tests");

    public void Dispose() => _data.Dispose();

    private TrackUpload Upload(string fileName)
    {
        var path = TestWav.Write(_data.File(fileName), seconds: 2);
        return new TrackUpload(path, fileName, new FileInfo(path).Length, "owner-1");
    }

    [Fact]
    public async Task A_completed_track_is_still_there_after_a_restart()
    {
        var id = Guid.NewGuid();
        TrackSnapshot before;
        await using (var cluster = await GenreTestCluster.StartAsync(_data.Path, new ScriptedTrackPipeline()))
        {
            await cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(Upload("kept.wav"));
            before = await cluster.WaitForFinishAsync(id);
        }

        var pipelineAfterRestart = new ScriptedTrackPipeline();
        await using var restarted = await GenreTestCluster.StartAsync(_data.Path, pipelineAfterRestart);
        var after = await restarted.Client.GetGrain<ITrackGrain>(id).GetAsync();

        Assert.Equal(TrackStatus.Completed, after!.Status);
        Assert.Equal(before.Facts, after.Facts);
        Assert.Equal(before.Result!.Genres, after.Result!.Genres);
        Assert.Equal(before.Result.FeatureSummary, after.Result.FeatureSummary);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal(0, pipelineAfterRestart.Decodes("kept.wav"));
    }

    [Fact]
    public async Task A_track_interrupted_by_a_shutdown_is_resumed_after_the_restart()
    {
        var id = Guid.NewGuid();
        var interrupted = new ScriptedTrackPipeline();
        interrupted.Hold("long.wav");
        await using (var cluster = await GenreTestCluster.StartAsync(_data.Path, interrupted))
        {
            await cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(Upload("long.wav"));
            await interrupted.Reached("long.wav");
        }

        var resumed = new ScriptedTrackPipeline();
        await using var restarted = await GenreTestCluster.StartAsync(_data.Path, resumed);
        // Nobody calls the grain: the restart scan must wake it.
        var record = await WaitForRecordAsync(id, r => r.Status == nameof(TrackStatus.Completed));
        var after = await restarted.Client.GetGrain<ITrackGrain>(id).GetAsync();

        Assert.Equal(2, record.Attempts);
        Assert.Equal(1, resumed.Decodes("long.wav"));
        Assert.Equal(TrackStatus.Completed, after!.Status);
    }

    [Fact]
    public async Task A_track_interrupted_too_often_fails_with_the_reason()
    {
        var id = Guid.NewGuid();
        var upload = Upload("crashy.wav");
        var database = await TestDatabase.CreateAsync(_data.Path);
        await using (var db = await database.CreateDbContextAsync())
        {
            db.Tracks.Add(new TrackRecord
            {
                Id = id, FileName = upload.FileName, StoredPath = upload.StoredPath, SizeBytes = upload.SizeBytes,
                Status = nameof(TrackStatus.Extracting), Progress = 35, Attempts = 3, Version = 7,
                CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var pipeline = new ScriptedTrackPipeline();
        await using var cluster = await GenreTestCluster.StartAsync(_data.Path, pipeline);
        var failed = await cluster.WaitForFinishAsync(id);

        Assert.Equal(TrackStatus.Failed, failed.Status);
        Assert.Contains("interrupted 3 times", failed.Error);
        Assert.Equal(0, pipeline.Decodes("crashy.wav"));
    }

    private async Task<TrackRecord> WaitForRecordAsync(Guid id, Func<TrackRecord, bool> done)
    {
        var database = TestDatabase.Open(_data.Path);
        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var db = await database.CreateDbContextAsync();
            var record = await db.Tracks.FindAsync(id);
            if (record is not null && done(record))
                return record;
            if (DateTime.UtcNow > giveUp)
                throw new TimeoutException($"Track {id} is still {record?.Status ?? "missing"}.");
            await Task.Delay(50);
        }
    }
}
