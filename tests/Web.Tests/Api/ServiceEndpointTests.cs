using System.Net;
using System.Text.Json;
using GenreOrleans.Web.Tests.Support;

namespace GenreOrleans.Web.Tests.Api;

public sealed class ServiceEndpointTests(GenreWebFactory factory) : IClassFixture<GenreWebFactory>
{
    [Fact]
    public async Task Health_check_answers_healthy()
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_track_endpoints()
    {
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/tracks", out var upload));
        Assert.True(upload.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/tracks/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/tracks/{id}/events", out _));
    }
}
