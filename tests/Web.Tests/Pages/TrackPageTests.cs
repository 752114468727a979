using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Pages;

public sealed partial class TrackPageTests(ScriptedSiteFactory factory) : IClassFixture<ScriptedSiteFactory>
{
    private const string ScriptName = "<img src=x onerror=alert('x')>.mp3";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    /// <summary>Uploads as the page's script does (token in a header), so that the owner cookie is issued.</summary>
    private static async Task<string> UploadThroughPageAsync(HttpClient client, byte[] bytes, string fileName)
    {
        var token = TokenField().Match(await client.GetStringAsync("/")).Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tracks/upload") { Content = UploadBodies.File(bytes, fileName) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("location").GetString()!;
    }

    [Fact]
    public async Task Track_page_of_an_unknown_id_is_404()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/tracks/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Track not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Upload_through_the_page_leads_to_the_track_page()
    {
        using var client = factory.CreateClient();
        var location = await UploadThroughPageAsync(client, AudioSamples.Mp3Frames(60), "tune.mp3");

        Assert.Matches("^/tracks/[0-9a-f-]{36}$", location);
        var html = await client.GetStringAsync(location);
        Assert.Contains("tune.mp3", html);
        Assert.Contains("Analyze another track", html);
    }

    [Fact]
    public async Task Plain_form_post_redirects_to_the_track_page()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var token = TokenField().Match(await client.GetStringAsync("/")).Groups[1].Value;
        var content = UploadBodies.File(AudioSamples.Mp3Frames(60), "plain.mp3");
        content.Add(new StringContent(token), "__RequestVerificationToken");

        using var response = await client.PostAsync("/tracks/upload", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/tracks/[0-9a-f-]{36}$", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Script_in_the_file_name_is_shown_as_text_on_the_track_and_history_pages()
    {
        using var client = factory.CreateClient();
        var location = await UploadThroughPageAsync(client, AudioSamples.Mp3Frames(60), ScriptName);

        foreach (var page in new[] { location, "/history" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain("<img src=x", html);
            Assert.Contains("&lt;img src=x onerror=alert(&#x27;x&#x27;)&gt;.mp3", html);
        }
    }

    [Fact]
    public async Task History_lists_this_browsers_uploads_and_not_anyone_elses()
    {
        using var mine = factory.CreateClient();
        using var theirs = factory.CreateClient();
        var myTrack = await UploadThroughPageAsync(mine, AudioSamples.Mp3Frames(60), "mine.mp3");
        var theirTrack = await UploadThroughPageAsync(theirs, AudioSamples.Mp3Frames(60), "theirs.mp3");

        var html = await mine.GetStringAsync("/history");

        Assert.Contains($"href=\"{myTrack}\"", html);
        Assert.DoesNotContain($"href=\"{theirTrack}\"", html);
    }
}
