using GenreOrleans.Web.Tests.Doubles;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Pages;

/// <summary>The notices on a track page: low confidence, failure, progress.</summary>
public sealed class TrackOutcomePageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Unsure_result_carries_a_low_confidence_notice_on_the_page_and_in_the_api()
    {
        using var factory = new ScriptedSiteFactory { Pipeline = new ScriptedTrackPipeline { LowConfidence = true } };
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "unsure.mp3");

        var track = await TrackApi.WaitUntilFinishedAsync(client, id, Deadline);

        Assert.True(track.GetProperty("result").GetProperty("lowConfidence").GetBoolean());
        Assert.Contains("<strong>Low confidence.</strong>", await client.GetStringAsync($"/tracks/{id}"));
    }

    [Fact]
    public async Task Unfamiliar_sounding_result_says_it_may_not_be_electronic_music_on_the_page_and_in_the_api()
    {
        using var factory = new ScriptedSiteFactory { Pipeline = new ScriptedTrackPipeline { LowConfidence = true, UnfamiliarSound = true } };
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "string-quartet.mp3");

        var track = await TrackApi.WaitUntilFinishedAsync(client, id, Deadline);

        Assert.True(track.GetProperty("result").GetProperty("unfamiliarSound").GetBoolean());
        var html = await client.GetStringAsync($"/tracks/{id}");
        Assert.Contains("<strong>Low confidence: this sounds unlike the music the model", html);
        Assert.DoesNotContain("<strong>Low confidence.</strong>", html);
    }

    [Fact]
    public async Task Failed_track_shows_its_reason()
    {
        using var factory = new ScriptedSiteFactory { Pipeline = new ScriptedTrackPipeline { DecodingFailure = "frame 12 is cut short" } };
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "broken.mp3");

        var track = await TrackApi.WaitUntilFinishedAsync(client, id, Deadline);

        Assert.Equal("Failed", track.GetProperty("status").GetString());
        Assert.Contains("frame 12 is cut short", track.GetProperty("error").GetString());
        var html = await client.GetStringAsync($"/tracks/{id}");
        Assert.Contains("The analysis failed", html);
        Assert.Contains("frame 12 is cut short", html);
    }

    [Fact]
    public async Task Track_in_progress_shows_its_status_and_subscribes_to_its_events()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var factory = new ScriptedSiteFactory { Pipeline = new ScriptedTrackPipeline { DecodingGate = gate } };
        using var client = factory.CreateClient();
        try
        {
            var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "slow.mp3");

            var html = await client.GetStringAsync($"/tracks/{id}");

            Assert.Contains($"data-events-url=\"/api/tracks/{id}/events\"", html);
            Assert.Contains("<progress id=\"analysis-bar\"", html);
            Assert.Contains("<meta http-equiv=\"refresh\" content=\"3\" />", html);
        }
        finally
        {
            gate.SetResult();
        }
    }
}
