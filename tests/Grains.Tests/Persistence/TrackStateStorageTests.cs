using GenreOrleans.Analysis.Results;
using GenreOrleans.Grains.Persistence;
using GenreOrleans.Grains.Tests.Doubles;
using GenreOrleans.Grains.Tracks;
using GenreOrleans.Tests.Shared;
using Orleans.Storage;

namespace GenreOrleans.Grains.Tests.Persistence;

public sealed class TrackStateStorageTests : IDisposable
{
    private readonly TemporaryDirectory _data = new("genre-grains-tests");

    public void Dispose() => _data.Dispose();

    private static GrainId TrackId(Guid id) => GrainId.Create(GrainType.Create("track"), GrainIdKeyExtensions.CreateGuidKey(id));

    private async Task<TrackStateStorage> StorageAsync() => new(await TestDatabase.CreateAsync(_data.Path));

    private static TrackState CompletedState() => new()
    {
        Status = TrackStatus.Completed,
        Progress = 100,
        FileName = "a.mp3",
        StoredPath = "/uploads/a.mp3",
        SizeBytes = 1234,
        OwnerId = "owner",
        Attempts = 1,
        CreatedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 5, TimeSpan.Zero),
        StartedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 1, TimeSpan.Zero),
        FinishedAt = new DateTimeOffset(2026, 11, 25, 10, 0, 5, TimeSpan.Zero),
        Facts = new AudioFacts("mp3", 301.5, 44100, 2, 320, "Title", "Artist", "Techno"),
        Result = new TrackResult(
            [new GenreProbability("detroittechno", "Detroit Techno", "Techno", 0.6)],
            [new FamilyProbability("Techno", 0.9)],
            [new TimelineSegment(0, 3, "detroittechno", "Detroit Techno", "Techno", 0.6)],
            new TempoEstimate(130, 0.8, 65), new KeyEstimate("A minor", "8A", 0.5), true,
            new Dictionary<string, double> { ["rms_mean"] = 0.1 }, "model-1"),
    };

    [Fact]
    public async Task Reads_back_every_field_it_wrote()
    {
        var storage = await StorageAsync();
        var id = TrackId(Guid.NewGuid());
        var written = new GrainState<TrackState>(CompletedState());

        await storage.WriteStateAsync("track", id, written);
        var read = new GrainState<TrackState>();
        await storage.ReadStateAsync("track", id, read);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equivalent(CompletedState(), read.State, strict: true);
    }

    [Fact]
    public async Task A_missing_track_reads_as_no_record()
    {
        var storage = await StorageAsync();
        var read = new GrainState<TrackState>();

        await storage.ReadStateAsync("track", TrackId(Guid.NewGuid()), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task A_write_based_on_a_stale_version_is_refused()
    {
        var storage = await StorageAsync();
        var id = TrackId(Guid.NewGuid());
        await storage.WriteStateAsync("track", id, new GrainState<TrackState>(CompletedState()));
        var first = new GrainState<TrackState>();
        var second = new GrainState<TrackState>();
        await storage.ReadStateAsync("track", id, first);
        await storage.ReadStateAsync("track", id, second);

        await storage.WriteStateAsync("track", id, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("track", id, second));
    }

    [Fact]
    public async Task Creating_a_track_that_already_exists_is_refused()
    {
        var storage = await StorageAsync();
        var id = TrackId(Guid.NewGuid());
        await storage.WriteStateAsync("track", id, new GrainState<TrackState>(CompletedState()));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync("track", id, new GrainState<TrackState>(CompletedState())));
    }
}
