using System.Net;
using System.Text.Json;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Api;

/// <summary>Accepted uploads: 202 with links, readable by id, followed by server-sent events.</summary>
public sealed class TrackApiTests(ScriptedSiteFactory factory) : IClassFixture<ScriptedSiteFactory>
{
    [Fact]
    public async Task Audio_upload_is_accepted_with_202_a_location_and_links()
    {
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

    [Fact]
    public async Task Accepted_track_reads_back_with_its_status_and_file_facts()
    {
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "tune.mp3");

        var track = await TrackApi.GetAsync(client, id);

        Assert.Equal(id, track.GetProperty("id").GetGuid());
        Assert.Contains(track.GetProperty("status").GetString(), new[] { "Uploaded", "Decoding", "Extracting", "Classifying", "Completed", "Failed" });
        Assert.InRange(track.GetProperty("progress").GetInt32(), 0, 100);
        Assert.Equal("tune.mp3", track.GetProperty("file").GetProperty("name").GetString());
        Assert.Equal(60 * AudioSamples.Mp3FrameLength, track.GetProperty("file").GetProperty("sizeBytes").GetInt64());
    }

    [Fact]
    public async Task Completed_track_lists_genres_and_families_most_likely_first()
    {
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), "sorted.mp3");

        var track = await TrackApi.WaitUntilFinishedAsync(client, id, TimeSpan.FromMinutes(1));

        var result = track.GetProperty("result");
        var genres = result.GetProperty("genres").EnumerateArray().Select(g => g.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(genres.OrderDescending(), genres);
        Assert.Equal("acidhouse", result.GetProperty("genres")[0].GetProperty("slug").GetString());
        Assert.Equal("House", result.GetProperty("families")[0].GetProperty("name").GetString());
        Assert.Equal(127.9, result.GetProperty("tempoBpm").GetDouble());
        Assert.Equal("11A", result.GetProperty("key").GetProperty("camelot").GetString());
        Assert.Equal(95, result.GetProperty("durationSeconds").GetDouble());
        Assert.Equal(3, result.GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_track_is_404()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/tracks/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("../../../etc/passwd.mp3", "passwd.mp3")]
    [InlineData("C:\\Windows\\system32\\evil.mp3", "evil.mp3")]
    public async Task Path_characters_in_the_file_name_are_dropped(string sent, string kept)
    {
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), sent);

        var track = await TrackApi.GetAsync(client, id);

        Assert.Equal(kept, track.GetProperty("file").GetProperty("name").GetString());
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "passwd*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Very_long_file_name_is_shortened()
    {
        using var client = factory.CreateClient();
        var id = await TrackApi.UploadAsync(client, AudioSamples.Mp3Frames(60), new string('n', 3000) + ".mp3");

        var name = (await TrackApi.GetAsync(client, id)).GetProperty("file").GetProperty("name").GetString()!;

        Assert.Equal(200, name.Length);
        Assert.EndsWith(".mp3", name);
    }

    [Fact]
    public async Task Events_stream_sends_the_track_as_server_sent_events()
    {
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

    [Fact]
    public async Task Events_of_an_unknown_track_are_404()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/tracks/{Guid.NewGuid()}/events");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
