using System.Net;
using GenreOrleans.Web.Tests.Support;
using GenreOrleans.Web.Tracks;
using Microsoft.Extensions.DependencyInjection;

namespace GenreOrleans.Web.Tests.Api;

/// <summary>A flood of uploads meets the rate limiter (429) and the bounded analysis queue (503); the site stays up.</summary>
public sealed class UploadFloodTests
{
    [Fact]
    public async Task Uploads_beyond_the_rate_limit_are_refused_with_429_and_retry_after()
    {
        using var factory = new GenreWebFactory()
            .With("Upload:UploadsPerWindow", "3")
            .With("Upload:RateLimitWindow", "01:00:00");
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsync("/api/tracks", UploadBodies.File([]));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                Assert.True(response.Headers.RetryAfter is not null, "429 carries Retry-After");
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.BadRequest, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        using var health = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Upload_is_refused_with_503_while_the_analysis_queue_is_full()
    {
        using var factory = new GenreWebFactory().With("Upload:MaxPendingAnalyses", "0");
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/tracks", UploadBodies.File(AudioSamples.Mp3Frames(40)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(Directory.GetFiles(factory.UploadsDirectory));
    }

    [Fact]
    public async Task Queue_place_is_freed_when_the_track_finishes()
    {
        using var factory = new ScriptedSiteFactory();
        factory.With("Upload:MaxPendingAnalyses", "1");
        using var client = factory.CreateClient();
        var admission = factory.Services.GetRequiredService<AnalysisAdmission>();

        var first = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(40), "first.mp3");
        await TrackApi.WaitUntilFinishedAsync(client, first, TimeSpan.FromMinutes(1));
        for (var wait = 0; wait < 100 && admission.PendingCount > 0; wait++)
            await Task.Delay(100);

        Assert.Equal(0, admission.PendingCount);
        using var second = await client.PostAsync("/api/tracks", UploadBodies.File(AudioSamples.Mp3Frames(40), "second.mp3"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }
}
