using System.Net;
using System.Text.Json;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Api;

/// <summary>Accepted uploads: 202 with links, readable by id, followed by server-sent events.</summary>
public sealed class TrackApiTests(GenreWebFactory factory) : IClassFixture<GenreWebFactory>
{
    [SkippableFact]
    public async Task Audio_upload_is_accepted_with_202_a_location_and_links()
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/tracks", UploadBodies.File(AudioSamples.Mp3Frames(60), "tune.mp3"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetGuid();
        Assert.Equal($"/api/tracks/{id}", response.Headers.Location?.AbsolutePath);
        var links = body.RootElement.GetProperty("links");
        Assert.Equal($"/api/tracks/{id}/events", links.GetProperty("events").GetString());
        Assert.Equal($"/tracks/{id}", links.GetProperty("page").GetString());
        Assert.Single(Directory.GetFiles(factory.UploadsDirectory, $"{id:N}.mp3"));
    }

    [SkippableFact]
    public async Task Accepted_track_reads_back_with_its_status_and_file_facts()
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "tune.mp3");

        var track = await TrackApi.GetAsync(client, id);

        Assert.Equal(id, track.GetProperty("id").GetGuid());
        Assert.Contains(track.GetProperty("status").GetString(), new[] { "Uploaded", "Decoding", "Extracting", "Classifying", "Completed", "Failed" });
        Assert.InRange(track.GetProperty("progress").GetInt32(), 0, 100);
        Assert.Equal("tune.mp3", track.GetProperty("file").GetProperty("name").GetString());
        Assert.Equal(60 * AudioSamples.Mp3FrameLength, track.GetProperty("file").GetProperty("sizeBytes").GetInt64());
    }

    [SkippableFact]
    public async Task Unknown_track_is_404()
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/tracks/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [SkippableTheory]
    [InlineData("../../../etc/passwd.mp3", "passwd.mp3")]
    [InlineData("C:\\Windows\\system32\\evil.mp3", "evil.mp3")]
    public async Task Path_characters_in_the_file_name_are_dropped(string sent, string kept)
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), sent);

        var track = await TrackApi.GetAsync(client, id);

        Assert.Equal(kept, track.GetProperty("file").GetProperty("name").GetString());
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "passwd*", SearchOption.AllDirectories));
    }

    [SkippableFact]
    public async Task Very_long_file_name_is_shortened()
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), new string('n', 3000) + ".mp3");

        var name = (await TrackApi.GetAsync(client, id)).GetProperty("file").GetProperty("name").GetString()!;

        Assert.Equal(200, name.Length);
        Assert.EndsWith(".mp3", name);
    }

    [SkippableFact]
    public async Task Events_stream_sends_the_track_as_server_sent_events()
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "tune.mp3");

        using var response = await client.GetAsync($"/api/tracks/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("event: track", await reader.ReadLineAsync());
        var data = await reader.ReadLineAsync();
        Assert.StartsWith("data: ", data);
        using var track = JsonDocument.Parse(data!["data: ".Length..]);
        Assert.Equal(id, track.RootElement.GetProperty("id").GetGuid());
    }

    [SkippableFact]
    public async Task Events_of_an_unknown_track_are_404()
    {
        factory.RequireTrackPipeline();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/tracks/{Guid.NewGuid()}/events");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
