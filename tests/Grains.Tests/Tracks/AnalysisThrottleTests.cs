using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Tests.Shared;

namespace GenreOrleans.Grains.Tests.Tracks;

public sealed class AnalysisThrottleTests
{
    [Fact]
    public async Task Tracks_beyond_the_concurrency_limit_wait_as_uploaded_until_a_slot_frees()
    {
        using var data = new TemporaryDirectory("genre-grains-tests");
        var pipeline = new ScriptedTrackPipeline();
        await using var cluster = await GenreTestCluster.StartAsync(data.Path, pipeline,
            siloSettings: _ => [new("Tracks:MaxConcurrentAnalyses", "1")]);
        var release = pipeline.Hold("first.wav");
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        var firstPath = TestWav.Write(data.File("first.wav"), 1);
        var secondPath = TestWav.Write(data.File("second.wav"), 1);

        await cluster.Client.GetGrain<ITrackGrain>(first).StartAsync(new TrackUpload(firstPath, "first.wav", 1, null));
        await pipeline.Reached("first.wav");
        await cluster.Client.GetGrain<ITrackGrain>(second).StartAsync(new TrackUpload(secondPath, "second.wav", 1, null));
        var waiting = await cluster.Client.GetGrain<ITrackGrain>(second).GetAsync();
        release.SetResult();

        Assert.Equal(TrackStatus.Uploaded, waiting!.Status);
        Assert.Equal(0, pipeline.Decodes("second.wav"));
        Assert.Equal(TrackStatus.Completed, (await cluster.WaitForFinishAsync(first)).Status);
        Assert.Equal(TrackStatus.Completed, (await cluster.WaitForFinishAsync(second)).Status);
    }
}
