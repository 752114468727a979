using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Pages;

public sealed partial class UploadPageTests(GenreWebFactory factory) : IClassFixture<GenreWebFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<string> TokenFromHomeAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/");
        return TokenField().Match(html).Groups[1].Value;
    }

    [Fact]
    public async Task Home_page_offers_a_prominent_upload_button_bound_to_a_file_input()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");
        Assert.Contains("<label class=\"button button-primary button-huge\" for=\"upload-file\">UPLOAD FILE</label>", html);
        Assert.Contains("id=\"upload-file\"", html);
        Assert.Contains("type=\"file\" name=\"file\"", html);
        Assert.Contains("data-dropzone", html);
        Assert.Matches(TokenField(), html);
    }

    [Fact]
    public async Task Form_post_without_an_antiforgery_token_is_refused()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/tracks/upload", UploadBodies.File(AudioSamples.Mp3Frames(20)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Plain_form_post_of_html_shows_the_reason_on_the_page_with_415()
    {
        using var client = factory.CreateClient();
        var token = await TokenFromHomeAsync(client);
        var content = UploadBodies.File(AudioSamples.Html(), "page.mp3");
        content.Add(new StringContent(token), "__RequestVerificationToken");

        using var response = await client.PostAsync("/tracks/upload", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("This is not an audio file we can read", html);
    }

    [Fact]
    public async Task Scripted_post_with_the_token_in_a_header_gets_the_reason_as_json()
    {
        using var client = factory.CreateClient();
        var token = await TokenFromHomeAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tracks/upload") { Content = UploadBodies.File([]) };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The file is empty.", body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task History_page_of_a_new_browser_says_it_has_no_uploads()
    {
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/history");
        Assert.Contains("This browser has not uploaded anything yet.", html);
    }
}
