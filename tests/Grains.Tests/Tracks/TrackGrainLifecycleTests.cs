using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Grains.Tests.Tracks;

public sealed class TrackGrainLifecycleTests : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new("genre-grains-tests");
    private readonly ScriptedTrackPipeline _pipeline = new();
    private GenreTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await GenreTestCluster.StartAsync(_data.Path, _pipeline);

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _data.Dispose();
    }

    private TrackUpload Upload(string fileName, double seconds = 2)
    {
        var path = TestWav.Write(_data.File(fileName), seconds);
        return new TrackUpload(path, fileName, new FileInfo(path).Length, "owner-1");
    }

    [Fact]
    public async Task Completes_an_upload_with_facts_and_the_models_result()
    {
        var id = Guid.NewGuid();
        var upload = Upload("song.wav");

        var started = await _cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(upload);
        var finished = await _cluster.WaitForFinishAsync(id);

        Assert.Equal(TrackStatus.Uploaded, started.Status);
        Assert.Equal(TrackStatus.Completed, finished.Status);
        Assert.Equal(100, finished.Progress);
        Assert.Null(finished.Error);
        Assert.Equal("song.wav", finished.FileName);
        Assert.Equal(upload.SizeBytes, finished.SizeBytes);
        Assert.Equal("Scripted title", finished.Facts!.Title);
        Assert.Equal("fake-default", finished.Result!.ModelVersion); // scored through the InferenceGrain
        Assert.Equal(upload.SizeBytes / 1024, finished.Result.FeatureSummary["windows"]);
    }

    [Fact]
    public async Task Answers_with_the_current_stage_while_a_stage_is_running()
    {
        var id = Guid.NewGuid();
        var release = _pipeline.Hold("slow.wav");
        await _cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(Upload("slow.wav"));
        await _pipeline.Reached("slow.wav");

        var during = await _cluster.Client.GetGrain<ITrackGrain>(id).GetAsync();
        release.SetResult();
        var after = await _cluster.WaitForFinishAsync(id);

        Assert.Equal(TrackStatus.Decoding, during!.Status);
        Assert.InRange(during.Progress, 1, 99);
        Assert.Equal(TrackStatus.Completed, after.Status);
    }

    [Fact]
    public async Task Starting_the_same_track_twice_analyses_it_once()
    {
        var id = Guid.NewGuid();
        var upload = Upload("twice.wav");
        var grain = _cluster.Client.GetGrain<ITrackGrain>(id);

        var first = await grain.StartAsync(upload);
        await _cluster.WaitForFinishAsync(id);
        var second = await grain.StartAsync(upload with { FileName = "renamed.wav" });

        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(TrackStatus.Completed, second.Status);
        Assert.Equal("twice.wav", second.FileName);
        Assert.Equal(1, _pipeline.Decodes("twice.wav"));
    }

    [Fact]
    public async Task A_track_nobody_started_has_no_snapshot()
    {
        Assert.Null(await _cluster.Client.GetGrain<ITrackGrain>(Guid.NewGuid()).GetAsync());
    }

    [Fact]
    public async Task A_file_that_cannot_be_decoded_fails_with_the_reason()
    {
        var id = Guid.NewGuid();
        _pipeline.FailDecoding("corrupt.wav", new InvalidDataException("no RIFF header"));

        await _cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(Upload("corrupt.wav"));
        var failed = await _cluster.WaitForFinishAsync(id);

        Assert.Equal(TrackStatus.Failed, failed.Status);
        Assert.Equal("The file could not be decoded as audio: no RIFF header", failed.Error);
        Assert.Null(failed.Result);
    }

    [Fact]
    public async Task An_upload_missing_from_disk_fails_with_the_reason()
    {
        var id = Guid.NewGuid();
        var upload = Upload("gone.wav");
        File.Delete(upload.StoredPath);

        await _cluster.Client.GetGrain<ITrackGrain>(id).StartAsync(upload);
        var failed = await _cluster.WaitForFinishAsync(id);

        Assert.Equal(TrackStatus.Failed, failed.Status);
        Assert.Contains("no longer on the server", failed.Error);
    }
}
